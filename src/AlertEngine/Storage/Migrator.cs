using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Storage;

/// <summary>
/// Applies the embedded <c>Storage/Migrations/NNNN_name.sql</c> scripts in order, each inside a
/// transaction, and records them in <c>schema_migrations</c>. Forward-only.
/// </summary>
public sealed partial class Migrator(SqliteConnectionFactory connections, ILogger<Migrator> logger)
{
    private const string ResourceFolder = ".Storage.Migrations.";

    /// <summary>Brings the database up to the newest schema; throws with the failing script's name.</summary>
    public void Migrate()
    {
        connections.EnsureFolder();
        // Opening once through the factory puts the file in WAL mode before DbUp touches it.
        using (connections.Open())
        {
        }

        var upgrade = DeployChanges.To
            .SqliteDatabase($"Data Source={connections.DatabasePath};Pooling=False")
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(ResourceFolder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .JournalToSqliteTable("schema_migrations")
            .WithTransactionPerScript()
            .LogTo(new UpgradeLog(logger))
            .Build()
            .PerformUpgrade();

        if (upgrade.Successful)
        {
            var applied = upgrade.Scripts.Select(s => s.Name).ToList();
            LogMigrated(logger, connections.DatabasePath, applied.Count, applied.Count == 0 ? "none, up to date" : string.Join(", ", applied));
            return;
        }

        throw new InvalidOperationException(
            $"Database migration {upgrade.ErrorScript?.Name ?? "(unknown)"} failed on {connections.DatabasePath}: {upgrade.Error.Message}",
            upgrade.Error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath}: {Count} migrations applied ({Scripts})")]
    private static partial void LogMigrated(ILogger logger, string databasePath, int count, string scripts);

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        // DbUp narrates every step; that is debug detail. Migrate() logs the one-line summary.
        public void LogInformation(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

        public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, null, format, args);

        public void LogError(string format, params object[] args) => Write(LogLevel.Error, null, format, args);

        public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, ex, format, args);

        private void Write(LogLevel level, Exception? ex, string format, object[] args)
        {
            if (logger.IsEnabled(level))
            {
                var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
                logger.Log(level, ex, "Migrations: {Message}", message);
            }
        }
    }
}
