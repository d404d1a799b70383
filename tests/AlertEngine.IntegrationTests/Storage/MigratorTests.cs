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

    [Fact]
    public void Migrate_CountBacklog_ReadsOnlyThePartialIndexes()
    {
        using var db = new TempDatabase();
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = db.Path }));
        new Migrator(connections, NullLogger<Migrator>.Instance).Migrate();

        using var connection = connections.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + AlertEngine.Ingest.InboxSql.CountBacklog;
        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // /healthz must not read every inbox row (and its payload) to count the few poisoned ones.
        var scans = plan.Where(p => p.StartsWith("SCAN inbox", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, scans.Count);
        Assert.Contains("SCAN inbox USING INDEX ix_inbox_unprocessed", scans);
        Assert.Contains("SCAN inbox USING INDEX ix_inbox_poisoned", scans);
    }
}
