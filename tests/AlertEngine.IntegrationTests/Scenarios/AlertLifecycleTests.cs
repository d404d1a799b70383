using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>Problem, acknowledgement in Zabbix and recovery arrive as one ALERT ticket that opens, is acknowledged and resolves.</summary>
public sealed class AlertLifecycleTests : EngineTestBase
{
    [Fact]
    public async Task Lifecycle_ProblemUpdateRecovery_OneTicketAcknowledgedByZabbixUserThenResolved()
    {
        await DeliverAsync(Samples.Problem);
        var opened = Assert.Single(await Engine.ListAsync());
        Assert.Equal(("ALERT", "open", "L2", "acme"), (opened.Type, opened.State, opened.Level, opened.Customer));
        Assert.Equal("App health critical on srv-acme-web1", opened.Title);

        await DeliverAsync(Samples.Update);
        var acknowledged = await Engine.GetAsync(opened.Number);
        Assert.Equal("acknowledged", acknowledged.State);
        Assert.Equal("Zabbix Administrator (Admin)", acknowledged.AcknowledgedBy);

        await DeliverAsync(Samples.Recovery);
        var resolved = await Engine.GetAsync(opened.Number);
        Assert.Equal("resolved", resolved.State);
        Assert.Equal("zabbix:zbx-a", resolved.ResolvedBy);
        Assert.Equal("53", Assert.Single(resolved.Events!).RecoveryEventId);
        Assert.Equal(["opened", "sla", "acknowledged", "event-recovered", "resolved"], resolved.Timeline!.WithoutPages().Select(t => t.Kind));
        Assert.Contains("round 1: acknowledged by the e2e harness", resolved.Timeline!.WithoutPages().ElementAt(2).Text, StringComparison.Ordinal);
        Assert.Single(await Engine.ListAsync());
    }

    [Fact]
    public async Task Lifecycle_RecoveryBeforeProblem_TicketEndsResolvedNotOpen()
    {
        await DeliverAsync(Samples.Recovery, Samples.Problem);

        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal("resolved", ticket.State);
        var detail = await Engine.GetAsync(ticket.Number);
        Assert.Contains(detail.Timeline!, t => t.Kind == "resolved");
    }

    [Fact]
    public async Task Lifecycle_UpdateBeforeProblem_TicketOpensAcknowledged()
    {
        await DeliverAsync(Samples.Update, Samples.Problem);

        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal("acknowledged", ticket.State);
        Assert.Equal("Zabbix Administrator (Admin)", ticket.AcknowledgedBy);
    }

    [Fact]
    public async Task Lifecycle_SecondProblemOnSameTrigger_AddsOccurrenceAndResolvesOnlyWhenBothRecover()
    {
        var secondProblem = Samples.With(Samples.Problem, o => o["event_id"] = "61");
        var secondRecovery = Samples.With(Samples.Recovery, o => { o["event_id"] = "61"; o["recovery_event_id"] = "63"; });

        await DeliverAsync(Samples.Problem, secondProblem);
        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(2, ticket.Occurrences);

        await DeliverAsync(Samples.Recovery);
        Assert.Equal("open", (await Engine.GetAsync(ticket.Number)).State);

        await DeliverAsync(secondRecovery);
        Assert.Equal("resolved", (await Engine.GetAsync(ticket.Number)).State);
    }

    [Fact]
    public async Task Lifecycle_ProblemAfterResolution_OpensANewTicket()
    {
        // An hour after the recovery: well past the default flapping window (15m), so not a flap.
        var later = Samples.With(Samples.Problem, o => { o["event_id"] = "71"; o["clock"] = 1795638026 + 3600; });

        await DeliverAsync(Samples.Problem, Samples.Recovery, later);

        var tickets = await Engine.ListAsync();
        Assert.Equal(2, tickets.Count);
        Assert.Equal(["open", "resolved"], tickets.Select(t => t.State));
    }

    [Fact]
    public async Task Lifecycle_SameEventIdOnTwoServers_TwoTickets()
    {
        await DeliverToAsync(EngineHost.ServerA, Samples.Problem);
        await DeliverToAsync(EngineHost.ServerB, Samples.Problem);

        var tickets = await Engine.ListAsync();
        Assert.Equal(2, tickets.Count);
        Assert.Equal([EngineHost.ServerB, EngineHost.ServerA], tickets.Select(t => t.ZabbixServer));

        await DeliverToAsync(EngineHost.ServerB, Samples.Recovery);
        var states = (await Engine.ListAsync()).ToDictionary(t => t.ZabbixServer!, t => t.State);
        Assert.Equal("open", states[EngineHost.ServerA]);
        Assert.Equal("resolved", states[EngineHost.ServerB]);
    }
}
