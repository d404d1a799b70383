using Prometheus;

namespace AlertEngine.Storage;

/// <summary>
/// SQLite's own memory on <c>/metrics</c>: what its allocator holds now (page caches of every open
/// connection, prepared statements, the schema) and the most it has held since start. It lives
/// outside the managed heap, so <c>dotnet_gc_*</c> does not show it, yet it is part of the
/// engine's resident set. Read from SQLite when the registry is collected.
/// </summary>
public static class SqliteMemoryStats
{
    public static void Register(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var used = factory.CreateGauge("alertengine_sqlite_memory_bytes", "Memory SQLite's allocator holds now (page caches of the open connections, statements, schema).");
        var peak = factory.CreateGauge("alertengine_sqlite_memory_peak_bytes", "The most memory SQLite's allocator has held since the engine started.");
        registry.AddBeforeCollectCallback(() =>
        {
            used.Set(SQLitePCL.raw.sqlite3_memory_used());
            peak.Set(SQLitePCL.raw.sqlite3_memory_highwater(0));
        });
    }
}
