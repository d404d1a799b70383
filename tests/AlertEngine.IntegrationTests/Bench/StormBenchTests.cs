using System.Text.Json;
using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Storm;
using AlertEngine.Host.Commands.Bench.Suite;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Bench;

/// <summary>
/// <c>alertengine bench storm --quick</c> end to end (#5): the built engine as a separate process
/// gets the 5,000-event storm, and every ticket and inbox row in its file is what the generator
/// expects. The targets are not asserted here (a loaded test machine may miss them); lost or wrong
/// tickets are.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class StormBenchTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alertengine-storm-test-");

    [Fact]
    public async Task BenchStormQuick_RunsEndToEnd_EveryEventAccountedFor()
    {
        var command = new StormCommand();
        var settings = command.Read(command.Create().Parse(["--quick"]));
        var json = Path.Combine(_folder.FullName, "storm.json");
        using var report = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await BenchSuite.RunAsync([new StormBenchmark(settings)], json, report, progress, TestContext.Current.CancellationToken);

        output.WriteLine(progress.ToString());
        output.WriteLine(report.ToString());
        Assert.Equal(BenchReport.ExitOk, exitCode);
        Assert.Contains("every event accounted for, every ticket as expected", report.ToString(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var storm = document.RootElement.GetProperty("benchmarks")[0];
        Assert.Equal("storm", storm.GetProperty("name").GetString());
        var details = storm.GetProperty("details");
        Assert.Equal(StormSettings.QuickEvents, details.GetProperty("events").GetInt64());
        Assert.Equal(StormSettings.QuickEvents, details.GetProperty("sending").GetProperty("accepted202").GetInt64() + details.GetProperty("sending").GetProperty("duplicate200").GetInt64());
        Assert.All(details.GetProperty("check").EnumerateArray(), line => Assert.True(line.GetProperty("ok").GetBoolean(), line.ToString()));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
