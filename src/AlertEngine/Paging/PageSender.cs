using AlertEngine.Outbox;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Paging;

/// <summary>
/// Sends pages, in their own lane of the outbox (kinds page.sms and page.call): wakes on the
/// <see cref="PageDoorbell"/> or Outbox:PollInterval, takes the due pages by person and channel and,
/// for each such group: a page left sending by a crash or a timeout is first looked up in Twilio
/// (found: recorded sent, never sent twice); a page whose ticket is no longer open is cancelled; the
/// per-person limit holds the rest for later (an L1 page is never held); what remains goes out as
/// one SMS or call — marked sending and committed first, then sent, then recorded on each ticket's
/// timeline. A permanent failure fires the ticket's next escalation step at once.
/// </summary>
public sealed partial class PageSender(
    IPageGateway gateway,
    AckLinks links,
    PageCallbacks callbacks,
    PageFailureEscalation failures,
    SqliteConnectionFactory connections,
    WriteGate gate,
    PageDoorbell doorbell,
    PageMetrics metrics,
    TimeProvider time,
    IOptions<PagingOptions> paging,
    IOptions<OutboxOptions> outbox,
    ILogger<PageSender> logger) : BackgroundService
{
    /// <summary>Who writes the pages' timeline lines.</summary>
    public const string Actor = "AlertEngine";

    private readonly PagingOptions _paging = paging.Value;
    private readonly OutboxOptions _outbox = outbox.Value;

    /// <summary>
    /// The sender's own connection, kept from turn to turn so that its statements stay prepared
    /// (<see cref="StatementCache"/>); replaced after a turn that failed, closed when the engine stops.
    /// </summary>
    private SqliteConnection? _connection;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SenderLoop.RunAsync(RunOnceAsync, (interval, token) => doorbell.WaitAsync(interval, time, token), ex => LogSenderFailed(logger, ex),
            _outbox.PollInterval, time, stoppingToken);

    /// <summary>
    /// Works on the pages due now, the most severe person's first; returns how many it read (at most
    /// <see cref="PageSql.ListDueLimit"/>: the next turn follows at once while pages are due).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var connection = _connection ??= connections.Open();
        try
        {
            return await RunTurnAsync(connection, cancellationToken);
        }
        catch
        {
            // Whatever broke may have broken the connection too: the next turn opens a fresh one.
            _connection = null;
            await connection.DisposeAsync();
            throw;
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        base.Dispose();
    }

    private async Task<int> RunTurnAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var due = PageStore.ListDue(connection, time.GetUtcNow());
        // An L1 page goes alone (its own text, link and key press); lower pages to one person bundle.
        var groups = due
            .GroupBy(r => (r.Message.Kind, r.Phone, Alone: r.Payload.Level == SupportLevel.L1 ? r.Id : 0))
            .OrderBy(g => g.Min(r => r.Payload.Level))
            .ThenBy(g => g.Min(r => r.Id));
        foreach (var group in groups)
        {
            await SendGroupAsync(connection, [.. group], cancellationToken);
        }

        return due.Count;
    }

    private async Task SendGroupAsync(SqliteConnection connection, List<PageRow> rows, CancellationToken cancellationToken)
    {
        var channel = rows[0].Channel;
        var live = new List<PageRow>();
        foreach (var send in rows.Where(r => r.Message.State == OutboxState.Sending).GroupBy(r => r.BundledInto ?? r.Id))
        {
            live.AddRange(await SettleUnknownAsync(connection, channel, [.. send], cancellationToken));
        }

        live.AddRange(rows.Where(r => r.Message.State == OutboxState.Pending));
        live = await CancelUnneededAsync(connection, live, cancellationToken);
        if (live.Count == 0 || await HoldForLimitAsync(connection, channel, live, cancellationToken))
        {
            return;
        }

        live.Sort((a, b) => a.Id.CompareTo(b.Id));
        var primary = live[0];
        var composed = PageComposer.Compose(channel, live, r => links.Create(r.Payload.TicketNumber, r.Id).ToString());
        using (await EnterGateAsync(live, cancellationToken))
        {
            // The attempt starts here, committed before the call: from now on a crash leaves these
            // pages sending with their text, and the next start asks Twilio whether it went out.
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            live = [.. live.Where(r => PageStore.MarkSending(session, r.Id, composed.Body, r.Id == primary.Id ? null : primary.Id))];
            transaction.Commit();
        }

        if (live.Count == 0)
        {
            return;
        }

        PageSendResult result;
        try
        {
            result = channel == PageChannel.Call
                ? await gateway.PlaceCallAsync(new CallPage(primary.Phone, composed.Body, composed.Language, callbacks.KeyPress(primary.Id), callbacks.Status), cancellationToken)
                : await gateway.SendSmsAsync(new SmsPage(primary.Phone, composed.Body, callbacks.Status), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The gateway classifies what it knows; anything else leaves the outcome unknown, and
            // the next attempt asks Twilio first.
            result = PageSendResult.RetryLater($"{ex.GetType().Name}: {ex.Message}", PageSendResult.UnknownOutcome);
        }

        await RecordAsync(connection, channel, live, result, cancellationToken);
    }

    /// <summary>The write lock, urgently for an L1 page: the pipeline runner hands it over within one storm slice.</summary>
    private Task<WriteGate.Turn> EnterGateAsync(List<PageRow> rows, CancellationToken cancellationToken) =>
        rows.Exists(r => r.Payload.Level == SupportLevel.L1) ? gate.EnterUrgentAsync(cancellationToken) : gate.EnterAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Page sender failed; retrying after the poll interval")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);
}
