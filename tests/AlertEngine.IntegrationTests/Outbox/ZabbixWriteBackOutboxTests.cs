using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Outbox;
using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.IntegrationTests.Outbox;

/// <summary>
/// The Zabbix write-back through the outbox, over real SQLite with a fake Zabbix and a fake clock:
/// planned with the ticket change, sent once with the exact request, retried with backoff on a
/// transient failure, failed on a permanent one, and never sent twice nor dropped when a crash
/// left a row sending. Every outcome is a line on the ticket's timeline.
/// </summary>
public sealed class ZabbixWriteBackOutboxTests
{
    private const string Actor = "alice (desk)";

    [Fact]
    public async Task Acknowledge_ThroughApi_OneRowThenExactRequestSentAndOnTimeline()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51", "52"]);
        rig.Zabbix.Hold("51").Hold("52");

        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        var planned = Assert.Single(rig.Rows(alert));
        await rig.SendDueAsync();

        var message = AckMessage(alert.Number);
        Assert.Equal((ZabbixWriteBack.AcknowledgeKind, WriteBackRig.Server, OutboxState.Pending), (planned.Kind, planned.Target, planned.State));
        var request = Assert.Single(rig.Zabbix.Requests);
        Assert.Equal(["51", "52"], request.EventIds);
        Assert.Equal((ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, message), (request.Action, request.Message));
        var sent = Assert.Single(rig.Rows(alert));
        Assert.Equal((OutboxState.Sent, 1, rig.Clock.GetUtcNow()), (sent.State, sent.Attempts, sent.SentAt));
        var line = Assert.Single(rig.WriteBackLines(alert));
        Assert.Equal(("zabbix", "AlertEngine", $"Acknowledged Zabbix events 51, 52 on main: {message}"), (line.Channel, line.Actor, line.Text));
    }

    [Fact]
    public async Task Acknowledge_Refused_PlansNothing()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);

        var again = await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, "bob (desk)", null, TestContext.Current.CancellationToken);

        Assert.Equal(TicketActionStatus.Refused, again.Status);
        Assert.Single(rig.Rows(alert));
    }

    [Fact]
    public void Replanning_SameWrite_AddsNothing()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        using var connection = rig.Connections.Open();
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);

        var first = rig.WriteBack.Acknowledged(session, alert, Actor, "api", rig.Clock.GetUtcNow());
        var second = rig.WriteBack.Acknowledged(session, alert, Actor, "api", rig.Clock.GetUtcNow().AddMinutes(1));
        transaction.Commit();

        Assert.Equal((1, 0), (first, second));
        Assert.Single(rig.Rows(alert));
    }

    [Fact]
    public async Task Acknowledge_RecoveredEventsOnly_StillUnrecoveredOnesGetIt()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51", "52"], recovered: ["51"]);
        rig.Zabbix.Hold("52");

        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        await rig.SendDueAsync();

        Assert.Equal(["52"], Assert.Single(rig.Zabbix.Requests).EventIds);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Acknowledge_NoApiUrlOrWriteBackOff_NoRowsNoTimeline(bool apiUrl, bool writeBack)
    {
        using var rig = new WriteBackRig(apiUrl, writeBack);
        var alert = rig.OpenAlert(["51"]);

        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Resolve, Actor, null, TestContext.Current.CancellationToken);

        Assert.Empty(rig.Rows(alert));
        Assert.Empty(rig.WriteBackLines(alert));
    }

    [Fact]
    public async Task Send_RetryableFailure_BacksOffAndSendsOnALaterAttempt()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        rig.Zabbix.Hold("51").FailNext(retryable: true).FailNext(retryable: true);
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);

        await rig.SendDueAsync();
        var afterFirst = Assert.Single(rig.Rows(alert));
        rig.Clock.Advance(TimeSpan.FromSeconds(9));
        var readTooEarly = await rig.SendDueAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await rig.SendDueAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(20));
        await rig.SendDueAsync();

        Assert.Equal((OutboxState.Pending, 1, rig.Clock.GetUtcNow().AddSeconds(-20)), (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt));
        Assert.Equal(0, readTooEarly);
        Assert.Equal(3, rig.Zabbix.Requests.Count);
        var sent = Assert.Single(rig.Rows(alert));
        Assert.Equal((OutboxState.Sent, 3), (sent.State, sent.Attempts));
        Assert.Equal(
            ["Zabbix write-back failed, will retry in 10 s: event.acknowledge: Zabbix is not answering", "Zabbix write-back failed, will retry in 20 s: event.acknowledge: Zabbix is not answering"],
            rig.WriteBackLines(alert).Take(2).Select(l => l.Text));
        Assert.StartsWith("Acknowledged Zabbix events 51 on main", rig.WriteBackLines(alert)[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RetryableFailureEveryTime_GivesUpAfterMaxAttempts()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        rig.Zabbix.Hold("51");
        for (var i = 0; i < 10; i++)
        {
            rig.Zabbix.FailNext(retryable: true);
        }

        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        for (var i = 0; i < 12; i++)
        {
            await rig.SendDueAsync();
            rig.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var failed = Assert.Single(rig.Rows(alert));
        Assert.Equal((OutboxState.Failed, 10), (failed.State, failed.Attempts));
        Assert.Equal(10, rig.Zabbix.Requests.Count);
        Assert.StartsWith("Zabbix write-back gave up after 10 attempts: event.acknowledge: Zabbix is not answering", rig.WriteBackLines(alert)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_PermanentFailure_RowFailedWithReasonOnTimeline()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        rig.Zabbix.Hold("51").FailNext(retryable: false, "Application error.");
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);

        await rig.SendDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
        await rig.SendDueAsync();

        var failed = Assert.Single(rig.Rows(alert));
        Assert.Equal((OutboxState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Single(rig.Zabbix.Requests);
        Assert.Equal("Zabbix write-back failed: event.acknowledge: Application error. (No permissions to referred object or it does not exist!)",
            Assert.Single(rig.WriteBackLines(alert)).Text);
        Assert.Contains("No permissions", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_RowLeftSendingAndMessageAlreadyInZabbix_MarkedSentWithoutASecondCall()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        var row = Assert.Single(rig.Rows(alert));
        rig.LeaveSending(row);
        rig.Zabbix.Hold("51", "23137", AckMessage(alert.Number));

        await rig.SendDueAsync();

        Assert.Empty(rig.Zabbix.Requests);
        var sent = Assert.Single(rig.Rows(alert));
        Assert.Equal((OutboxState.Sent, 2), (sent.State, sent.Attempts));
        Assert.StartsWith("Zabbix on main already holds the write-back on events 51", Assert.Single(rig.WriteBackLines(alert)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_RowLeftSendingWithoutTheMessageInZabbix_SentExactlyOnce()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        rig.Zabbix.Hold("51", "23137", "looking at it");
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);
        rig.LeaveSending(Assert.Single(rig.Rows(alert)));

        await rig.SendDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
        var later = await rig.SendDueAsync();

        Assert.Single(rig.Zabbix.Requests);
        Assert.Equal(0, later);
        Assert.Equal(OutboxState.Sent, Assert.Single(rig.Rows(alert)).State);
    }

    [Theory]
    [InlineData(true, ZabbixUpdateActions.Close | ZabbixUpdateActions.AddMessage, "[AlertEngine] Resolved by alice (desk) via api — ticket {0}", "Closed Zabbix events 51")]
    [InlineData(false, ZabbixUpdateActions.AddMessage, "[AlertEngine] Resolved by alice (desk) via api — ticket {0} (the trigger does not allow manual close in Zabbix)", "Added a message to Zabbix events 51")]
    public async Task Resolve_ThroughApi_ClosesWhereTheTriggerAllowsElseAddsMessage(bool manualClose, ZabbixUpdateActions action, string message, string line)
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        rig.Zabbix.Hold("51").ManualClose("23137", manualClose);

        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Resolve, Actor, null, TestContext.Current.CancellationToken);
        await rig.SendDueAsync();

        var request = Assert.Single(rig.Zabbix.Requests);
        Assert.Equal(["51"], request.EventIds);
        Assert.Equal((action, message.Replace("{0}", alert.Number, StringComparison.Ordinal)), (request.Action, request.Message));
        Assert.Equal((ZabbixWriteBack.CloseKind, OutboxState.Sent), Assert.Single(rig.Rows(alert)) is var row ? (row.Kind, row.State) : default);
        Assert.StartsWith(line, Assert.Single(rig.WriteBackLines(alert)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_EventsNoLongerInZabbix_CancelledAsNotNeeded()
    {
        using var rig = new WriteBackRig();
        var alert = rig.OpenAlert(["51"]);
        await rig.Desk.ChangeAsync(alert.Number, TicketAction.Acknowledge, Actor, null, TestContext.Current.CancellationToken);

        await rig.SendDueAsync();

        Assert.Empty(rig.Zabbix.Requests);
        Assert.Equal(OutboxState.Cancelled, Assert.Single(rig.Rows(alert)).State);
        Assert.Equal("Zabbix write-back not needed: Zabbix on main no longer holds events 51", Assert.Single(rig.WriteBackLines(alert)).Text);
    }

    private static string AckMessage(string number) => $"[AlertEngine] Acknowledged by alice (desk) via api — ticket {number}";
}
