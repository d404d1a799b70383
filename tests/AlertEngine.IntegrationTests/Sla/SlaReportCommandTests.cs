using AlertEngine.IntegrationTests.Classify;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Sla;

/// <summary>`alertengine sla report` over a database the real engine filled, read-only, counted with the shipped rules.</summary>
public sealed class SlaReportCommandTests : EngineTestBase
{
    [Fact]
    public async Task Report_AnL2AcknowledgedFiveSecondsAfterTheProblem_CountedPerLevelAndCustomer()
    {
        // The sample: a High problem at 2026-11-25 20:20:19 UTC, acknowledged in Zabbix at 20:20:24.
        await DeliverAsync(Samples.Problem, Samples.Update);

        var (exit, output, errors) = await RulesCommandTests.RunAsync(
            "sla", "report", "--from", "2026-11-25", "--to", "2026-11-27", "--rules", RepositoryRoot.File("rules"), "--database", DatabasePath);

        Assert.True(exit == 0, errors);
        Assert.Contains("SLA report: tickets whose clock started 2026-11-25 00:00:00 +08:00 → 2026-11-27 00:00:00 +08:00 (Asia/Shanghai)", output, StringComparison.Ordinal);
        Assert.Matches(@"\nL2\s+wall\s+1\s+1 / 0\s+0 / 0\s+5s / 5s\s+—", output);
        Assert.Matches(@"\nacme\s+wall\s+1\s+1 / 0", output);
    }

    [Fact]
    public async Task Report_Json_IsTheApiShape()
    {
        await DeliverAsync(Samples.Problem);

        var (exit, output, errors) = await RulesCommandTests.RunAsync(
            "sla", "report", "--from", "2026-11-25", "--to", "2026-11-27", "--format", "json", "--rules", RepositoryRoot.File("rules"), "--database", DatabasePath);

        Assert.True(exit == 0, errors);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal(("L2", 1), ((string?)json["levels"]![0]!["key"], (int)json["total"]!["tickets"]!));
    }

    [Fact]
    public async Task Report_BadTimeOrMissingDatabase_ExitsTwoSayingWhat()
    {
        var (exit, _, errors) = await RulesCommandTests.RunAsync("sla", "report", "--from", "soon", "--rules", RepositoryRoot.File("rules"), "--database", DatabasePath);
        Assert.Equal(2, exit);
        Assert.Contains("--from must be a local time", errors, StringComparison.Ordinal);

        (exit, _, errors) = await RulesCommandTests.RunAsync("sla", "report", "--rules", RepositoryRoot.File("rules"), "--database", DatabasePath + ".missing");
        Assert.Equal(2, exit);
        Assert.Contains("no database at", errors, StringComparison.Ordinal);
    }
}
