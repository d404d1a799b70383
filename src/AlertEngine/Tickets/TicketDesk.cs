using AlertEngine.Outbox;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Tickets;

/// <summary>
/// Where people's writes to tickets happen (the ticket API): opening REQUEST, TASK and PROJECT
/// tickets, and acknowledge, resolve, close and comment on any ticket. Each write takes its turn
/// at the <see cref="WriteGate"/> like the inbox writer and the pipeline runner, so it never meets
/// their lock in SQLite's busy handler, and reads, decides (<see cref="TicketTransitions"/>) and
/// writes in one transaction: two people acting on one ticket at once are served one after the
/// other, and the second sees what the first did. An acknowledge or resolve plans its Zabbix
/// write-back (<see cref="ZabbixWriteBack"/>) in the same transaction and rings the outbox after the commit.
/// </summary>
public sealed partial class TicketDesk(
    SqliteConnectionFactory connections,
    WriteGate gate,
    TimeProvider time,
    EngineMetrics metrics,
    ZabbixWriteBack writeBack,
    OutboxDoorbell outbox,
    ILogger<TicketDesk> logger)
{
    /// <summary>The timeline channel of everything done through the API.</summary>
    public const string Channel = "api";

    /// <summary>Opens a checked ticket; returns it with its number.</summary>
    public async Task<Ticket> OpenAsync(NewTicket ticket, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        using var connection = connections.Open();
        Ticket opened;
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            opened = TicketStore.OpenManual(session, ticket, now);
            var customer = ticket.Customer is null ? "" : $" for {ticket.Customer}";
            TicketStore.AddTimeline(session, opened.Id, new TimelineEntry(now, "opened", actor, Channel,
                $"Opened {ticket.Type} {ticket.Level}{customer} through the API: {ticket.Title}"), inboxId: null);
            transaction.Commit();
        }

        metrics.TicketOpened(opened.Type.ToString(), opened.Level.ToString());
        LogOpened(logger, opened.Number, opened.Type, opened.Level, actor);
        return opened;
    }

    /// <summary>Applies an action if the ticket's state allows it; says why not otherwise.</summary>
    public Task<TicketActionResult> ChangeAsync(string number, TicketAction action, string actor, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(number, action, actor, text, Channel, cancellationToken);

    /// <summary>
    /// Applies an action made through <paramref name="channel"/> (api, sms, call, link): recorded on
    /// the timeline and written back to Zabbix with who and how.
    /// </summary>
    public async Task<TicketActionResult> ChangeAsync(string number, TicketAction action, string actor, string? text, string channel, CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        TicketActionResult change;
        var writeBacks = 0;
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var ticket = TicketStore.FindByNumber(session, number);
            if (ticket is null)
            {
                return new TicketActionResult(TicketActionStatus.NotFound, null, $"There is no ticket {number}.");
            }

            var transition = TicketTransitions.Decide(ticket.State, action);
            if (!transition.Allowed)
            {
                change = new TicketActionResult(TicketActionStatus.Refused, ticket, TicketTransitions.Explain(ticket.Number, ticket.State, transition));
            }
            else
            {
                var now = time.GetUtcNow();
                Apply(session, ticket, action, actor, now);
                var kind = action == TicketAction.Comment ? "comment" : action.ToPast();
                TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, kind, actor, channel, TicketNote.TimelineText(action, text)), inboxId: null);
                var after = TicketStore.FindByNumber(session, number)!;
                writeBacks = action switch
                {
                    TicketAction.Acknowledge => writeBack.Acknowledged(session, after, actor, channel, now),
                    TicketAction.Resolve => writeBack.Resolved(session, after, actor, channel, now),
                    _ => 0,
                };
                transaction.Commit();
                change = new TicketActionResult(TicketActionStatus.Done, after, transition.Reason);
            }
        }

        if (writeBacks > 0)
        {
            outbox.Ring();
        }

        if (change.Status == TicketActionStatus.Done && action == TicketAction.Resolve)
        {
            metrics.TicketResolved(change.Ticket!.Type.ToString());
        }

        LogChange(logger, number, action, actor, channel, change.Status, change.Reason);
        return change;
    }

    private static void Apply(DbSession session, Ticket ticket, TicketAction action, string actor, DateTimeOffset now)
    {
        var applied = action switch
        {
            TicketAction.Acknowledge => TicketStore.AcknowledgeOpen(session, ticket.Id, actor, now),
            TicketAction.Resolve => TicketStore.ResolveActive(session, ticket.Id, actor, now),
            TicketAction.Close => TicketStore.CloseResolved(session, ticket.Id, actor, now),
            _ => Touch(session, ticket.Id, now),
        };

        // The state was read in this transaction (BEGIN IMMEDIATE holds the write lock), so the
        // guarded UPDATE must match; if not, something wrote without the lock: fail loudly.
        if (!applied)
        {
            throw new InvalidOperationException($"ticket {ticket.Number} left state {ticket.State.ToName()} while it was being {action.ToPast()}");
        }
    }

    private static bool Touch(DbSession session, long ticketId, DateTimeOffset now)
    {
        TicketStore.Touch(session, ticketId, now);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber} ({Type} {Level}) opened through the API by {Actor}")]
    private static partial void LogOpened(ILogger logger, string ticketNumber, TicketType type, SupportLevel level, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber}: {Action} by {Actor} via {Channel}: {Status}, {Reason}")]
    private static partial void LogChange(ILogger logger, string ticketNumber, TicketAction action, string actor, string channel, TicketActionStatus status, string reason);
}
