using System.Text.Json;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Bench.Rules;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Rules;

/// <summary><c>alertengine bench rules --quick</c> runs in this process to the end: report, JSON, exit 0 (no timing is asserted).</summary>
public sealed class RulesBenchmarkTests : IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"alertengine-bench-rules-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Quick_RunsBothSets_ReportAndJsonExitZero()
    {
        var command = new RulesBenchCommand();
        var settings = command.Read(command.Create().Parse(["--quick"]));
        using var output = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await BenchSuite.RunAsync([new RulesBenchmark(settings)], _json, output, progress, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, progress.ToString());
        var report = output.ToString();
        Assert.Contains("AlertEngine rules benchmark", report, StringComparison.Ordinal);
        Assert.Contains("shipped rules ", report, StringComparison.Ordinal);
        Assert.Contains("1,000 generated rules ", report, StringComparison.Ordinal);
        Assert.Contains("target  : 1,000 generated rules ≥ 20,000 events/s on one core: ", report, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_json, TestContext.Current.CancellationToken));
        var rules = Assert.Single(json.RootElement.GetProperty("benchmarks").EnumerateArray());
        Assert.Equal("rules", rules.GetProperty("name").GetString());
        var sets = rules.GetProperty("details").GetProperty("sets").EnumerateArray().ToList();
        Assert.Equal([RuleSetLoader.Load(RuleSetLoader.EmbeddedDefaults()).Rules!.RuleCount, 1_000], sets.Select(s => s.GetProperty("rules").GetInt32()));
        Assert.All(sets, s => Assert.True(s.GetProperty("classified").GetInt64() > 0));
    }

    [Fact]
    public void Read_Quick_ShortPhasesAndExplicitDurationWins()
    {
        var command = new RulesBenchCommand();

        var full = command.Read(command.Create().Parse([]));
        var quick = command.Read(command.Create().Parse(["--quick", "--duration", "2s"]));

        Assert.Equal(RulesSettings.DefaultWarmup, full.Warmup);
        Assert.Equal(RulesSettings.DefaultDuration, full.Duration);
        Assert.Equal(RulesSettings.QuickWarmup, quick.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(2), quick.Duration);
        Assert.False(quick.Enforce);
    }

    public void Dispose() => File.Delete(_json);
}
