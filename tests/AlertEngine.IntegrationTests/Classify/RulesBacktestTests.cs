using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Classify;

/// <summary>`alertengine rules backtest` over a database the real engine filled, read-only.</summary>
public sealed class RulesBacktestTests : EngineTestBase
{
    private string Candidate => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "candidate");

    [Fact]
    public async Task Backtest_CandidateMapsHighToL1_ReportsTheLevelChangeBesideTheRunningEngine()
    {
        var disaster = Samples.With(Samples.Problem, n =>
        {
            n["event_id"] = "52";
            n["trigger_id"] = "99";
            n["severity"] = 5;
        });
        // One after the other: with both in the inbox at once the runner takes the disaster first,
        // and the ticket numbers below would swap.
        await DeliverAsync(Samples.Problem);
        await DeliverAsync(disaster, Samples.Recovery);
        WriteCandidate(high: "L1");
        var now = TimeProvider.System.GetUtcNow();

        var (exit, output, errors) = await RulesCommandTests.RunAsync(
            "rules", "backtest", "--from", now.AddHours(-1).ToString("O"), "--to", now.AddHours(1).ToString("O"),
            "--rules", Candidate, "--database", DatabasePath);

        Assert.True(exit == 0, errors);
        Assert.Contains("zbx-a:51", output, StringComparison.Ordinal);
        Assert.Contains("ticket 1001: level L2 → L1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("zbx-a:52", output, StringComparison.Ordinal);
        Assert.Contains("events replayed    2 problem events", output, StringComparison.Ordinal);
        Assert.Contains("not replayed       1 update or recovery", output, StringComparison.Ordinal);
        Assert.Contains("  level            1  (L2 → L1: 1)", output, StringComparison.Ordinal);
        Assert.Contains("tickets            2 actually opened; the candidate's correlation keys would make 2", output, StringComparison.Ordinal);
        Assert.Contains("paging arrives with #8", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_WindowWithNothing_ReportsZeroEvents()
    {
        await DeliverAsync(Samples.Problem);
        WriteCandidate(high: "L2");

        var (exit, output, errors) = await RulesCommandTests.RunAsync(
            "rules", "backtest", "--from", "2020-01-01", "--to", "2020-01-02", "--rules", Candidate, "--database", DatabasePath);

        Assert.True(exit == 0, errors);
        Assert.Contains("events replayed    0 problem events", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_MissingFrom_ExitsTwo()
    {
        var (exit, _, errors) = await RulesCommandTests.RunAsync("rules", "backtest", "--to", "2026-01-01", "--database", DatabasePath);

        Assert.Equal(2, exit);
        Assert.Contains("--from", errors, StringComparison.Ordinal);
    }

    private void WriteCandidate(string high)
    {
        Directory.CreateDirectory(Candidate);
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("rules"), "*.yaml"))
        {
            var text = File.ReadAllText(file).Replace("level: L2", $"level: {high}", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(Candidate, Path.GetFileName(file)), text);
        }
    }
}
