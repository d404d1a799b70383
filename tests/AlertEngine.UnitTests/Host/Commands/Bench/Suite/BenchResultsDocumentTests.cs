using System.Text.Json;
using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Suite;
using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Suite;

/// <summary>The JSON file's shape: what the README's Performance section and later comparisons read.</summary>
public sealed class BenchResultsDocumentTests
{
    private static readonly MachineInfo Machine = new(2, 24_000_000_000, "Debian GNU/Linux 12 (bookworm)", ".NET 10.0.12", "server", "Release", "57dee99");
    private static readonly DateTimeOffset Started = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultPath_StartTime_UtcStampInBenchResults()
    {
        var path = BenchResultsDocument.DefaultPath(new DateTimeOffset(2026, 11, 25, 17, 30, 5, TimeSpan.FromHours(8)));

        Assert.Equal(Path.Combine("bench-results", "bench-20261125T093005Z.json"), path);
    }

    [Fact]
    public void ToJson_OneBenchmark_MachineLogLevelSummaryAndDetails()
    {
        var result = new FakeResult(LogLevel.Warning, new { answered2xx = 10, p99Ms = BenchJson.Number(double.NaN) });
        var document = BenchResultsDocument.Create("bench fake --quick", Started, Started.AddMinutes(1), Machine, [result], exitCode: 0);

        using var json = JsonDocument.Parse(document.ToJson());
        var root = json.RootElement;

        Assert.Equal(BenchResultsDocument.CurrentSchema, root.GetProperty("schema").GetInt32());
        Assert.Equal("bench fake --quick", root.GetProperty("command").GetString());
        Assert.Equal(Started, root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("processors").GetInt32());
        Assert.Equal("Release", root.GetProperty("machine").GetProperty("build").GetString());
        Assert.Equal("57dee99", root.GetProperty("machine").GetProperty("commit").GetString());
        Assert.Equal("Warning", root.GetProperty("logLevel").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        var benchmark = Assert.Single(root.GetProperty("benchmarks").EnumerateArray());
        Assert.Equal("fake", benchmark.GetProperty("name").GetString());
        var line = benchmark.GetProperty("summary")[1];
        Assert.Equal("p99", line.GetProperty("name").GetString());
        Assert.Equal("< 50 ms", line.GetProperty("goal").GetString());
        Assert.Equal("PASS", line.GetProperty("verdict").GetString());
        Assert.False(line.TryGetProperty("missed", out _));
        Assert.Equal(10, benchmark.GetProperty("details").GetProperty("answered2xx").GetInt32());
        Assert.Equal(JsonValueKind.Null, benchmark.GetProperty("details").GetProperty("p99Ms").ValueKind);
    }

    [Fact]
    public void ToJson_IngestWithoutTheTargetConcurrency_NullsWhereNothingWasMeasured()
    {
        var settings = IngestBenchSettings.Defaults(quick: true, enforce: false) with { Concurrency = [1] };
        var setup = new BenchSetup(Machine, settings, LogLevel.Warning, LogLevel.Warning, new IngestOptions(), new PipelineOptions(), 966);
        var measured = new StatusTally();
        measured.Answered(202, retryAfter: false);
        var latency = new LatencyHistogram();
        latency.Record(TimeSpan.FromMilliseconds(2));
        RunResult[] runs =
        [
            new("bare", 1, TimeSpan.FromSeconds(2), new StatusTally(), measured, latency),
            new("engine", 1, TimeSpan.FromSeconds(2), new StatusTally(), measured, latency),
        ];
        var result = new IngestResult(new BenchReport(setup, runs, new InboxCounts(1, 0, 0)));

        var document = BenchResultsDocument.Create("bench ingest", Started, Started, Machine, [result], result.ExitCode);
        using var json = JsonDocument.Parse(document.ToJson());
        var details = json.RootElement.GetProperty("benchmarks")[0].GetProperty("details");

        Assert.Equal(2, details.GetProperty("runs").GetArrayLength());
        Assert.Equal(0.5, details.GetProperty("runs")[1].GetProperty("requestsPerSecond").GetDouble());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("engineP99MsAtTarget").ValueKind);
        Assert.True(details.GetProperty("allStored").GetBoolean());
        Assert.Equal("Warning", details.GetProperty("engineLogLevel").GetString());
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 0, 3 }, 3)]
    [InlineData(new[] { 3, 1, 0 }, 1)]
    [InlineData(new int[0], 0)]
    public void CombineExitCodes_SeveralBenchmarks_BrokenOutranksMissedOutranksOk(int[] codes, int combined)
    {
        Assert.Equal(combined, BenchSuite.CombineExitCodes(codes));
    }

    private sealed class FakeResult(LogLevel level, object details) : IBenchResult
    {
        public string Name => "fake";

        public int ExitCode => 0;

        public LogLevel? EngineLogLevel => level;

        public IReadOnlyList<SummaryLine> Summary => [SummaryLine.Figure("events", "10"), new("p99", "< 50 ms", "3.00 ms", true)];

        public object Details => details;

        public Task WriteAsync(TextWriter output) => Task.CompletedTask;
    }
}
