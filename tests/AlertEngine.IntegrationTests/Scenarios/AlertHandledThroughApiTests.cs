using System.Net;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// An engineer handles an ALERT through the ticket API while Zabbix keeps talking about it: the
/// first acknowledgement and the manual resolve are what is stored (what the SLA clocks and
/// paging of later issues read), and Zabbix's own acknowledgement and recovery only add to the timeline.
/// </summary>
public sealed class AlertHandledThroughApiTests : EngineTestBase
{
    [Fact]
    public async Task Alert_AcknowledgedAndResolvedThroughApi_ZabbixLaterAddsOnlyTimeline()
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;

        using (var ack = await Engine.ActAsync(number, "acknowledge", new { by = "alice" }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var acknowledged = await Engine.GetAsync(number);
        await DeliverAsync(Samples.Update);
        var afterZabbixAck = await Engine.GetAsync(number);

        using (var resolve = await Engine.ActAsync(number, "resolve", new { text = "restarted the app pool" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        var resolved = await Engine.GetAsync(number);
        await DeliverAsync(Samples.Recovery);
        var afterRecovery = await Engine.GetAsync(number);

        Assert.Equal(("acknowledged", $"alice ({EngineHost.DeskToken})"), (acknowledged.State, acknowledged.AcknowledgedBy));
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal((acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt), (afterZabbixAck.AcknowledgedBy, afterZabbixAck.AcknowledgedAt));
        Assert.Equal(("resolved", EngineHost.DeskToken), (resolved.State, resolved.ResolvedBy));
        Assert.Equal((resolved.State, resolved.ResolvedBy, resolved.ResolvedAt), (afterRecovery.State, afterRecovery.ResolvedBy, afterRecovery.ResolvedAt));
        Assert.Equal(
            [("opened", "zabbix"), ("sla", "sla"), ("acknowledged", "api"), ("acknowledged", "zabbix"), ("resolved", "api"), ("event-recovered", "zabbix")],
            afterRecovery.Timeline!.WithoutPages().Select(e => (e.Kind, e.Channel)));
        Assert.NotNull(Assert.Single(afterRecovery.Events!).RecoveredAt);
    }

    [Fact]
    public async Task Alert_ClosedThroughApi_ARepeatOfItsProblemOpensANewTicket()
    {
        await DeliverAsync(Samples.Problem, Samples.Recovery);
        var number = Assert.Single(await Engine.ListAsync()).Number;

        using (var close = await Engine.ActAsync(number, "close"))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }

        await DeliverAsync(Samples.With(Samples.Problem, o => o["event_id"] = "71"));

        var tickets = await Engine.ListAsync("?type=ALERT");
        Assert.Equal(["open", "closed"], tickets.Select(t => t.State));
    }
}
