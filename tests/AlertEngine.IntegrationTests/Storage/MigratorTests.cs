using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertEngine.IntegrationTests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public void Migrate_Twice_AppliesEachScriptOnceInWalMode()
    {
        using var db = new TempDatabase();
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = Path.Combine(db.Folder, "nested", "engine.db") }));
        var migrator = new Migrator(connections, NullLogger<Migrator>.Instance);

        migrator.Migrate();
        migrator.Migrate();

        using var connection = connections.Open();
        var scripts = connection.Query<string>("SELECT ScriptName FROM schema_migrations").ToList();
        Assert.Single(scripts, s => s.EndsWith("0001_inbox_and_tickets.sql", StringComparison.Ordinal));
        Assert.Equal(scripts.Count, scripts.Distinct().Count());
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(2, connection.ExecuteScalar<long>("PRAGMA synchronous")); // 2 = FULL
    }
}
