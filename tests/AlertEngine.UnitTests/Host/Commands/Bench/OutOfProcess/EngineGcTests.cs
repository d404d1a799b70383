using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.UnitTests.Host.Commands.Bench.OutOfProcess;

public sealed class EngineGcTests
{
    private const string Metrics = """
        # HELP dotnet_collection_count_total GC collection count
        # TYPE dotnet_collection_count_total counter
        dotnet_collection_count_total{generation="0"} 16
        dotnet_collection_count_total{generation="1"} 2
        dotnet_collection_count_total{generation="2"} 1
        # HELP dotnet_gc_pause_seconds_total Time the garbage collector paused the engine since start.
        # TYPE dotnet_gc_pause_seconds_total counter
        dotnet_gc_pause_seconds_total 0.0425
        dotnet_gc_allocated_bytes_total 7340032
        alertengine_inbox_backlog_events 0
        """;

    [Fact]
    public void Parse_EngineMetrics_CollectionsAndPause()
    {
        var gc = EngineGc.Parse(Metrics);

        Assert.Equal(new EngineGc(16, 2, 1, TimeSpan.FromMilliseconds(42.5), 7_340_032), gc);
    }

    [Fact]
    public void Parse_NoPauseFigure_Null()
    {
        Assert.Null(EngineGc.Parse(Metrics.Replace("dotnet_gc_pause_seconds_total 0.0425", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Between_TwoReadings_TheDifferenceSaidPlainly()
    {
        var before = new EngineGc(2, 1, 0, TimeSpan.FromMilliseconds(10), 1_048_576);
        var after = new EngineGc(16, 2, 1, TimeSpan.FromMilliseconds(48.25), 3_145_728);

        var gc = EngineGc.Between(before, after);

        Assert.Equal(new EngineGc(14, 1, 1, TimeSpan.FromMilliseconds(38.25), 2_097_152), gc);
        Assert.Equal("14/1/1 collections (gen0/1/2), 38.25 ms paused in all, 2,048 KiB allocated", gc!.ToString());
        Assert.Null(EngineGc.Between(null, after));
    }
}
