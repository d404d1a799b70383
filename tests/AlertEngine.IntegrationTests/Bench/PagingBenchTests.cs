using System.Text.Json;
using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Paging;
using AlertEngine.Host.Commands.Bench.Suite;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Bench;

/// <summary>
/// <c>alertengine bench paging</c> on tiny counts (#8): the built engine as a separate process, Twilio
/// played by the benchmark's stand-in; every disaster, idle and in the middle of a small storm, is
/// paged exactly once and the storm's tickets are as expected. No latency is asserted (a loaded test
/// machine may miss the targets).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PagingBenchTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alertengine-paging-test-");

    [Fact]
    public async Task BenchPaging_TinyCounts_EveryDisasterPagedOnce()
    {
        var command = new PagingCommand();
        var settings = command.Read(command.Create().Parse(["--idle-disasters", "3", "--storm-events", "600", "--storm-disasters", "2"]));
        var json = Path.Combine(_folder.FullName, "paging.json");
        using var report = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await BenchSuite.RunAsync([new PagingBenchmark(settings)], json, report, progress, TestContext.Current.CancellationToken);

        output.WriteLine(progress.ToString());
        output.WriteLine(report.ToString());
        Assert.Equal(BenchReport.ExitOk, exitCode);
        Assert.Contains("every disaster paged exactly once", report.ToString(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var paging = document.RootElement.GetProperty("benchmarks")[0];
        Assert.Equal("paging", paging.GetProperty("name").GetString());
        var idle = paging.GetProperty("details").GetProperty("idle");
        Assert.Equal(PagingSettings.IdleWarmup + 3, idle.GetProperty("disasters").GetInt32());
        Assert.Equal(PagingSettings.IdleWarmup + 3, idle.GetProperty("pagedOnce").GetInt32());
        Assert.Equal(3, idle.GetProperty("latenciesMs").GetArrayLength());
        var disk = paging.GetProperty("details").GetProperty("diskSync");
        Assert.Equal(DiskSyncProbe.Samples, disk.GetProperty("samples").GetInt32());
        Assert.True(disk.GetProperty("p50Ms").GetDouble() > 0);
        var firstAfterStart = paging.GetProperty("details").GetProperty("idleFirstAfterStart");
        Assert.Equal(PagingSettings.IdleWarmup, firstAfterStart.GetProperty("disasters").GetInt32());
        // Every one paged and timed (a number, not null). It can be below 0: the engine may page
        // before the benchmark's client has taken the 2xx in, on a loaded machine.
        Assert.All(firstAfterStart.GetProperty("latenciesMs").EnumerateArray(), l => Assert.Equal(JsonValueKind.Number, l.ValueKind));
        var storm = paging.GetProperty("details").GetProperty("storm");
        Assert.Equal(600, storm.GetProperty("events").GetInt32());
        Assert.Equal(0, storm.GetProperty("mismatches").GetInt32());
        var disasters = storm.GetProperty("disasters");
        Assert.Equal(2, disasters.GetProperty("pagedOnce").GetInt32());
        Assert.Equal(0, disasters.GetProperty("pagedTwice").GetInt32());
        Assert.Equal(0, disasters.GetProperty("notL1").GetInt32());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
