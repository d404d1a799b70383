using AlertEngine.IntegrationTests.Support;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// A trigger that comes back three times in a day (an hour apart: no flapping) opens a PROBLEM
/// ticket linking the three ALERTs; later ALERTs for the key are linked to it and every later
/// occurrence is counted there.
/// </summary>
public sealed class RecurrenceIntoProblemTests : EngineTestBase
{
    private const long Hour = 3600;

    [Fact]
    public async Task Recurrence_ThreeAlertsWithinADay_OneProblemLinkingPastAlerts()
    {
        await DeliverAsync([.. Cycle("401", T0), .. Cycle("402", T0 + Hour)]);
        Assert.DoesNotContain(await Engine.ListAsync(), t => t.Type == "PROBLEM");

        await DeliverAsync(Cycle("403", T0 + (2 * Hour)));

        var tickets = await Engine.ListAsync();
        var problem = Assert.Single(tickets, t => t.Type == "PROBLEM");
        var alerts = tickets.Where(t => t.Type == "ALERT").OrderBy(t => t.Number, StringComparer.Ordinal).ToList();
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(problem.Number, a.Problem));
        var detail = await Engine.GetAsync(problem.Number);
        Assert.Equal(alerts.Select(a => a.Number), detail.Alerts);
        Assert.Equal(("open", "L2", 3, 24L * Hour), (detail.State, detail.Level, detail.Occurrences, detail.QuietSeconds));
        Assert.Contains("came back 3 times within 24h", detail.Timeline![0].Text, StringComparison.Ordinal);
        Assert.Contains(await Engine.GetAsync(alerts[0].Number) is var first ? first.Timeline! : [], t => t.Kind == "problem-linked");
        var metrics = await Engine.Client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("alertengine_tickets_opened_total{type=\"PROBLEM\",level=\"L2\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("alertengine_tickets_opened_total{type=\"ALERT\",level=\"L2\"} 3\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recurrence_AfterTheProblemOpened_NewAlertsLinkedAndEveryOccurrenceCountedThere()
    {
        await DeliverAsync([.. Cycle("401", T0), .. Cycle("402", T0 + Hour), .. Cycle("403", T0 + (2 * Hour))]);

        await DeliverAsync(Problem("404", T0 + (3 * Hour)), Problem("405", T0 + (3 * Hour) + 30));

        var tickets = await Engine.ListAsync();
        var problem = Assert.Single(tickets, t => t.Type == "PROBLEM");
        var fourth = tickets.Where(t => t.Type == "ALERT").MaxBy(t => long.Parse(t.Number, System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(4, tickets.Count(t => t.Type == "ALERT"));
        Assert.Equal(("open", 2, problem.Number), (fourth.State, fourth.Occurrences, fourth.Problem));
        Assert.Equal(5, problem.Occurrences);
        Assert.Equal(4, (await Engine.GetAsync(problem.Number)).Alerts!.Count);
    }

    [Fact]
    public async Task Recurrence_RecoveryBeforeItsProblemWhileAProblemIsOpen_LinkedOnceAndResolved()
    {
        await DeliverAsync([.. Cycle("401", T0), .. Cycle("402", T0 + Hour), .. Cycle("403", T0 + (2 * Hour))]);

        await DeliverAsync(Recovery("404", T0 + (3 * Hour), T0 + (3 * Hour) + 60), Problem("404", T0 + (3 * Hour)));

        var tickets = await Engine.ListAsync();
        var problem = Assert.Single(tickets, t => t.Type == "PROBLEM");
        var fourth = tickets.Where(t => t.Type == "ALERT").MaxBy(t => long.Parse(t.Number, System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(4, tickets.Count(t => t.Type == "ALERT"));
        Assert.Equal(("resolved", 1, problem.Number), (fourth.State, fourth.Occurrences, fourth.Problem));
        Assert.Equal(4, problem.Occurrences);
    }
}
