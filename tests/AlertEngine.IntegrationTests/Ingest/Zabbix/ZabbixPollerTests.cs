using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AlertEngine.IntegrationTests.Ingest.Zabbix;

/// <summary>
/// The poller against a Zabbix server that holds event 51 (the reference problem on srv-acme-web1)
/// and the real engine on a real SQLite file: what the webhook missed becomes tickets, what it
/// delivered counts once, and problems recovered or gone while nobody looked are resolved.
/// </summary>
public sealed class ZabbixPollerTests : EngineTestBase
{
    private static readonly DateTimeOffset ProblemAt = DateTimeOffset.FromUnixTimeSeconds(1_795_638_019);

    private static readonly ZabbixApiAcknowledge Acknowledgement = new(
        "8", "1", DateTimeOffset.FromUnixTimeSeconds(1_795_638_024), ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage,
        "round 1: acknowledged by the e2e harness", 0, 0);

    private readonly FakePollerZabbix _zabbix = new(EngineHost.ServerA);

    public ZabbixPollerTests()
    {
        _zabbix.Users["1"] = "Zabbix Administrator (Admin)";
    }

    [Fact]
    public async Task Poll_FirstStartWithOpenProblemTheWebhookMissed_BackfillsTicketOpenedAndAcknowledged()
    {
        _zabbix.Add(Event("51") with { Acknowledges = [Acknowledgement] });

        var report = await PollAsync();

        Assert.Equal(PollMode.Backfill, report.Mode);
        Assert.Equal((1, 1, 2), (report.Problems, report.Updates, report.Stored));
        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(("ALERT", "acknowledged", "L2", "acme"), (ticket.Type, ticket.State, ticket.Level, ticket.Customer));
        Assert.Equal("Zabbix Administrator (Admin)", ticket.AcknowledgedBy);
    }

    [Fact]
    public async Task Poll_ProblemAndAcknowledgementAlsoDeliveredByWebhook_CountedOnceNothingStored()
    {
        await DeliverAsync(Samples.Problem, Samples.Update);
        _zabbix.Add(Event("51") with { Acknowledged = true, Acknowledges = [Acknowledgement] });

        var report = await PollAsync();

        Assert.Equal((0, 2), (report.Stored, report.AlreadyKnown));
        var ticket = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Single(ticket.Timeline!, t => t.Kind == "acknowledged");
        Assert.Equal(2, await InboxRows());
    }

    [Fact]
    public async Task Poll_AfterFirstPoll_AsksForEventsAfterTheWatermarkOnly()
    {
        _zabbix.RecoveryClocks["50"] = ProblemAt.AddMinutes(-5);
        await PollAsync();
        _zabbix.Add(Event("51"));
        _zabbix.Calls.Clear();

        var report = await PollAsync();

        Assert.Equal(PollMode.Incremental, report.Mode);
        Assert.Equal("event.get after 50", _zabbix.Calls[0]);
        Assert.Equal(1, report.Stored);
        Assert.Equal("open", Assert.Single(await Engine.ListAsync()).State);
    }

    [Fact]
    public async Task Poll_WatermarkSurvivesRestart()
    {
        _zabbix.RecoveryClocks["50"] = ProblemAt.AddMinutes(-5);
        await PollAsync();
        await RestartAsync();
        _zabbix.Calls.Clear();

        var report = await PollAsync();

        Assert.Equal(PollMode.Incremental, report.Mode);
        Assert.Equal("event.get after 50", _zabbix.Calls[0]);
    }

    [Fact]
    public async Task Poll_ProblemFromWebhookRecoveredWhileWebhookWasLost_TicketResolvedAtTheRecoveryTime()
    {
        await DeliverAsync(Samples.Problem);
        _zabbix.Add(Event("51") with { RecoveryEventId = "53" });
        _zabbix.RecoveryClocks["53"] = ProblemAt.AddSeconds(7);

        var report = await PollAsync();

        Assert.Equal(1, report.Recoveries);
        var ticket = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Equal("resolved", ticket.State);
        var e = Assert.Single(ticket.Events!);
        Assert.Equal(("53", ProblemAt.AddSeconds(7)), (e.RecoveryEventId, e.RecoveredAt));
    }

    [Fact]
    public async Task Poll_ProblemFromWebhookNoLongerInZabbix_TicketResolvedAsGone()
    {
        await DeliverAsync(Samples.Problem);

        var report = await PollAsync();

        Assert.Equal(1, report.Reconciled);
        var ticket = await Engine.GetAsync(Assert.Single(await Engine.ListAsync()).Number);
        Assert.Equal("resolved", ticket.State);
        Assert.Equal("0", Assert.Single(ticket.Events!).RecoveryEventId);
        Assert.Contains(ticket.Timeline!, t => t.Kind == "event-recovered"
            && t.Text.StartsWith("Zabbix no longer holds problem 51 (deleted, or closed while AlertEngine could not see it): counted as recovered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_EveryFollowedProblemMissingAtOnce_NothingResolved()
    {
        var bodies = Enumerable.Range(0, ZabbixPoller.GoneAtOnceLimit + 1).Select(i => Samples.With(Samples.Problem, o =>
        {
            o["event_id"] = (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            o["trigger_id"] = (200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            o["event_name"] = $"Disk full {i}";
        })).ToArray();
        await DeliverAsync(bodies);

        var report = await PollAsync();

        Assert.Equal(0, report.Reconciled);
        Assert.All(await Engine.ListAsync(), t => Assert.Equal("open", t.State));
    }

    [Fact]
    public async Task Poll_SeverityOutsideZabbixRange_SkipsThatEventStoresTheOthers()
    {
        _zabbix.Add(Event("51") with { Severity = 9 });
        _zabbix.Add(Event("52") with { TriggerId = "23138", Name = "Disk full on srv-acme-web1" });

        var report = await PollAsync();

        Assert.Equal(1, report.Stored);
        Assert.Equal("Disk full on srv-acme-web1", Assert.Single(await Engine.ListAsync()).Title);
    }

    private static ZabbixApiEvent Event(string id) => new()
    {
        EventId = id,
        TriggerId = "23137",
        Name = "App health critical on srv-acme-web1",
        Severity = 4,
        Clock = ProblemAt,
        OpData = "Health value: 5",
        Hosts = [new ZabbixApiHost("10560", "srv-acme-web1", "srv-acme-web1", ["Customers/acme", "Linux servers"])],
        Tags = [new("service", "web"), new("customer", "acme")],
    };

    private async Task<PollReport> PollAsync()
    {
        var poller = Engine.App.Services.GetRequiredService<ZabbixPoller>();
        var report = await poller.PollAsync(_zabbix, new ZabbixApiOptions(), TestContext.Current.CancellationToken);
        await Engine.WaitForProcessingAsync();
        return report;
    }

    private async Task<long> InboxRows()
    {
        await using var connection = Engine.Connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
