using AlertEngine.IntegrationTests.Support;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>Deliveries that must change nothing, or must not be mixed up: duplicates after resolution, servers sharing trigger ids.</summary>
public sealed class CorrelationEdgeCaseTests : EngineTestBase
{
    [Fact]
    public async Task Duplicate_ProblemDeliveredAgainAfterResolution_ChangesNothing()
    {
        await DeliverAsync(Cycle("601", T0));
        var before = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);

        await DeliverAsync(Problem("601", T0), Recovery("601", T0, T0 + 60));

        var after = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Equal(("resolved", 1, 0), (after.State, after.Occurrences, after.Flaps));
        Assert.Equal(before.Timeline!.WithoutPages().Count(), after.Timeline!.WithoutPages().Count());
        Assert.Equal(before.ResolvedAt, after.ResolvedAt);
    }

    [Fact]
    public async Task TwoServers_SameTriggerIdFlappingOnOne_SeparateTicketsOnlyOneFlapping()
    {
        await DeliverToAsync(EngineHost.ServerA, Cycle("601", T0));
        await DeliverToAsync(EngineHost.ServerB, Problem("601", T0 + 120));
        await DeliverToAsync(EngineHost.ServerA, Problem("602", T0 + 180));

        var tickets = (await Engine.ListAsync()).ToDictionary(t => t.ZabbixServer!);
        Assert.Equal(2, tickets.Count);
        Assert.Equal(("open", 1, 2), (tickets[EngineHost.ServerA].State, tickets[EngineHost.ServerA].Flaps, tickets[EngineHost.ServerA].Occurrences));
        Assert.Equal(("open", 0, 1), (tickets[EngineHost.ServerB].State, tickets[EngineHost.ServerB].Flaps, tickets[EngineHost.ServerB].Occurrences));
    }
}
