using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Outbox;

/// <summary>
/// Drains the outbox: wakes on the <see cref="OutboxDoorbell"/> or Outbox:PollInterval, reads the
/// due rows and, for each: marks it sending and counts the attempt (committed before any call),
/// asks its handler's check (still needed? already done?), sends when the check says so, and
/// records the outcome with a line on the ticket's timeline. It takes its turn at the
/// <see cref="WriteGate"/> for each of those short writes and never holds it during a call. A
/// row found sending (a crash or shutdown mid-call) goes through the same steps: the check
/// decides whether the call already happened, so a restart never sends twice and never drops a call.
/// </summary>
public sealed partial class OutboxSender(
    IEnumerable<IOutboxHandler> handlers,
    SqliteConnectionFactory connections,
    WriteGate gate,
    OutboxDoorbell doorbell,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Who writes the outbox's timeline lines.</summary>
    public const string Actor = "AlertEngine";

    /// <summary>Most rows read per turn; the next turn follows at once while rows are due.</summary>
    private const int BatchSize = 50;

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers
        .SelectMany(h => h.Kinds.Select(kind => (kind, h)))
        .ToDictionary(p => p.kind, p => p.h, StringComparer.Ordinal);

    private readonly OutboxOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SenderLoop.RunAsync(RunOnceAsync, (interval, token) => doorbell.WaitAsync(interval, time, token), ex => LogSenderFailed(logger, ex),
            _options.PollInterval, time, stoppingToken);

    /// <summary>Works on the rows due now; returns how many it read.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        var due = OutboxStore.ListDue(connection, time.GetUtcNow(), BatchSize);
        foreach (var message in due)
        {
            await SendOneAsync(connection, message, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendOneAsync(SqliteConnection connection, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(message.Kind, out var handler))
        {
            await RecordAsync(connection, message, new OutboxTimeline("outbox", "engine", $"Outgoing call {message.Kind}"),
                OutboxOutcome.Failed($"no handler sends outbox rows of kind {message.Kind}"), cancellationToken);
            return;
        }

        // The attempt starts here, committed before any call: a crash from now on leaves the row
        // sending, and the check on the next start decides whether the call went out.
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var marked = OutboxStore.MarkSending(new DbSession(connection, transaction), message.Id);
            transaction.Commit();
            if (!marked)
            {
                return;
            }
        }

        var attempt = message with { State = OutboxState.Sending, Attempts = message.Attempts + 1 };
        OutboxOutcome outcome;
        try
        {
            outcome = await handler.CheckAsync(attempt, cancellationToken)
                ?? await handler.SendAsync(attempt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A handler classifies what it knows; anything else may be passing (and the check on
            // the next attempt finds out whether it went through after all).
            outcome = OutboxOutcome.RetryLater($"{ex.GetType().Name}: {ex.Message}");
        }

        await RecordAsync(connection, attempt, handler.Timeline, outcome, cancellationToken);
    }

    private async Task RecordAsync(SqliteConnection connection, OutboxMessage message, OutboxTimeline timeline, OutboxOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string text;
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            switch (outcome.Verdict)
            {
                case OutboxVerdict.Sent:
                    OutboxStore.Finish(session, message.Id, OutboxState.Sent, now, null);
                    text = outcome.Text;
                    break;

                case OutboxVerdict.NotNeeded:
                    OutboxStore.Finish(session, message.Id, OutboxState.Cancelled, null, outcome.Text);
                    text = $"{timeline.Subject} not needed: {outcome.Text}";
                    break;

                case OutboxVerdict.Failed:
                    OutboxStore.Finish(session, message.Id, OutboxState.Failed, null, outcome.Text);
                    text = $"{timeline.Subject} failed: {outcome.Text}";
                    break;

                default:
                    var retry = OutboxRetry.Decide(message.Attempts, _options);
                    if (retry.GiveUp)
                    {
                        OutboxStore.Finish(session, message.Id, OutboxState.Failed, null, outcome.Text);
                        text = $"{timeline.Subject} {retry.Reason}: {outcome.Text}";
                    }
                    else
                    {
                        OutboxStore.Postpone(session, message.Id, now + retry.Delay, outcome.Text);
                        text = $"{timeline.Subject} failed, {retry.Reason}: {outcome.Text}";
                    }

                    break;
            }

            if (message.TicketId is { } ticketId)
            {
                TicketStore.AddTimeline(session, ticketId, new TimelineEntry(now, timeline.Kind, Actor, timeline.Channel, text), inboxId: null);
            }

            transaction.Commit();
        }

        LogOutcome(logger, message.Id, message.Kind, message.Target, message.Attempts, outcome.Verdict, text);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox sender failed; retrying after the poll interval")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} ({Kind} to {Target}), attempt {Attempts}: {Verdict}, {Text}")]
    private static partial void LogOutcome(ILogger logger, long outboxId, string kind, string target, int attempts, OutboxVerdict verdict, string text);
}
