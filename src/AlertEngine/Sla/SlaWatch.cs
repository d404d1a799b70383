using AlertEngine.Classify;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Sla;

/// <summary>
/// The SLA watcher, run by <see cref="SlaWatchJob"/>: gives deadlines to active tickets that have
/// none for their level (opened through the API or by the watch, or re-levelled outside the
/// pipeline), then makes every escalation whose deadline has passed — at most once per ticket,
/// deadline and instant, so a restart makes the missed ones late but never twice. Until paging
/// exists (issue 8) an escalation is a row in <c>sla_escalations</c> and a line on the timeline.
/// </summary>
public sealed partial class SlaWatch(
    SqliteConnectionFactory connections,
    WriteGate gate,
    ISlaClock clock,
    RuleSetProvider rules,
    TimeProvider time,
    ILogger<SlaWatch> logger)
{
    /// <summary>Tickets given deadlines per run at most; the rest wait for the next run.</summary>
    public const int DeadlinesPerRun = 500;

    /// <summary>One run; returns how many escalations it made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var zone = rules.Current.Settings.TimeZone;
        using var connection = connections.Open();
        var missing = SlaStore.ListNeedingDeadlines(connection, DeadlinesPerRun);
        if (missing.Count > 0)
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                using var transaction = connection.BeginTransaction();
                var session = new DbSession(connection, transaction);
                foreach (var id in missing)
                {
                    SlaStore.ApplyDeadlines(session, id, clock, zone, time.GetUtcNow());
                }

                transaction.Commit();
            }
        }

        var made = 0;
        using (await gate.EnterAsync(cancellationToken))
        {
            // Read what is due inside the write transaction: an acknowledgement committed a moment
            // ago is seen, and no escalation is made for a ticket that has just been answered.
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            foreach (var ticket in SlaStore.ListDue(connection, now))
            {
                foreach (var escalation in SlaEscalationDecision.Due(ticket, now, zone))
                {
                    if (SlaStore.Escalate(session, ticket, escalation, now))
                    {
                        made++;
                        LogEscalated(logger, ticket.Number, escalation.Deadline.ToName(), escalation.Action);
                    }
                }
            }

            transaction.Commit();
        }

        return made;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketNumber}: {Deadline} deadline: {Action}")]
    private static partial void LogEscalated(ILogger logger, string ticketNumber, string deadline, string action);
}
