using AlertEngine.IntegrationTests.Support;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// A severity changed in Zabbix re-classifies the ticket with the new severity: the level changes
/// when the rules give another one, and the timeline says who changed what.
/// </summary>
public sealed class SeverityChangeTests : EngineTestBase
{
    [Fact]
    public async Task Severity_AverageRaisedToHigh_LevelL3ToL2WithTheReasonOnTheTimeline()
    {
        await DeliverAsync(Problem("501", T0, o => o["severity"] = 3));
        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal("L3", ticket.Level);

        await DeliverAsync(SeverityChanged("501", T0, severity: 3, newSeverity: 4, time: "20:21:00"));

        var relevelled = await Engine.GetAsync(ticket.Number);
        Assert.Equal(("L2", 4), (relevelled.Level, relevelled.Severity));
        var entry = relevelled.Timeline!.WithoutPages().SkipLast(1).Last();
        Assert.Equal("level-changed", entry.Kind);
        Assert.Equal("sla", relevelled.Timeline!.WithoutPages().Last().Kind);
        Assert.StartsWith("SLA recomputed for L2 (was L3), around the clock from 2026-", relevelled.Timeline!.WithoutPages().Last().Text, StringComparison.Ordinal);
        Assert.StartsWith("level L3 → L2: severity changed from average to high in Zabbix by Zabbix Administrator (Admin)", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Severity_UpdateRepeatsTheSameSeverity_NoLevelChangeNoLine()
    {
        await DeliverAsync(Problem("501", T0, o => o["severity"] = 3));
        await DeliverAsync(SeverityChanged("501", T0, severity: 4, newSeverity: 4, time: "20:21:00"));

        // Zabbix fills the new severity on later updates too; the body's own severity may already be the new one.
        await DeliverAsync(SeverityChanged("501", T0, severity: 4, newSeverity: 4, time: "20:22:00"));

        var ticket = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Equal("L2", ticket.Level);
        Assert.Single(ticket.Timeline!, t => t.Kind == "level-changed");
    }

    [Fact]
    public async Task Severity_InformationRaisedToWarning_SameLevelSaysItStays()
    {
        await DeliverAsync(Problem("501", T0, o => o["severity"] = 1));
        await DeliverAsync(SeverityChanged("501", T0, severity: 1, newSeverity: 2, time: "20:21:00"));

        var ticket = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Equal(("L4", 2), (ticket.Level, ticket.Severity));
        var entry = ticket.Timeline!.WithoutPages().Last();
        Assert.Equal("severity-changed", entry.Kind);
        Assert.Contains("severity changed from information to warning in Zabbix by Zabbix Administrator (Admin); level stays L4", entry.Text, StringComparison.Ordinal);
    }
}
