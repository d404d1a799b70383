using AlertEngine.IntegrationTests.Support;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// A trigger that fires and clears within minutes keeps one ALERT ticket: it is reopened, counts
/// its flaps and is marked flapping; coming back a third time within 24 h (the shipped rules'
/// recurrence) it also opens a PROBLEM ticket.
/// </summary>
public sealed class FlappingTriggerTests : EngineTestBase
{
    [Fact]
    public async Task Flapping_ProblemRecoveryTwiceWithinMinutes_OneTicketReopenedOnceAndMarkedFlapping()
    {
        await DeliverAsync([.. Cycle("101", T0), .. Cycle("102", T0 + 120)]);

        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(("resolved", true, 1, 2), (ticket.State, ticket.Flapping, ticket.Flaps, ticket.Occurrences));
        var detail = await Engine.GetAsync(ticket.Number);
        Assert.Equal(["opened", "sla", "event-recovered", "resolved", "flapping", "event-recovered", "resolved"], detail.Timeline!.WithoutPages().Select(t => t.Kind));
        Assert.Contains("came back 1m after it recovered (flapping within 15m)", detail.Timeline!.WithoutPages().ElementAt(4).Text, StringComparison.Ordinal);
        Assert.Equal(["101", "102"], detail.Events!.Select(e => e.EventId));
    }

    [Fact]
    public async Task Flapping_ThirdReturnWithinADay_FlappingAlertAndAProblemTicketLinkedToIt()
    {
        await DeliverAsync([.. Cycle("101", T0), .. Cycle("102", T0 + 120), Problem("103", T0 + 240)]);

        var tickets = await Engine.ListAsync();
        Assert.Equal(["PROBLEM", "ALERT"], tickets.Select(t => t.Type));
        var (problem, alert) = (tickets[0], tickets[1]);
        Assert.Equal(("open", 2, 3, problem.Number), (alert.State, alert.Flaps, alert.Occurrences, alert.Problem));
        Assert.Equal(("open", "L2", "acme", 3), (problem.State, problem.Level, problem.Customer, problem.Occurrences));
        Assert.Equal("Keeps coming back: App health critical on srv-acme-web1", problem.Title);
        Assert.Equal([alert.Number], (await Engine.GetAsync(problem.Number)).Alerts);
    }

    [Fact]
    public async Task Flapping_RecoveryArrivesBeforeItsProblem_SameTicketStateAsInOrder()
    {
        await DeliverAsync([.. Cycle("101", T0), Recovery("102", T0 + 120, T0 + 180), Problem("102", T0 + 120)]);

        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(("resolved", 1, 2), (ticket.State, ticket.Flaps, ticket.Occurrences));
    }

    [Fact]
    public async Task Flapping_ProblemLongAfterTheRecovery_NewTicketNotAFlap()
    {
        await DeliverAsync([.. Cycle("101", T0), Problem("102", T0 + 60 + (16 * 60))]);

        var tickets = await Engine.ListAsync();
        Assert.Equal([("open", 0), ("resolved", 0)], tickets.Select(t => (t.State, t.Flaps)));
    }
}
