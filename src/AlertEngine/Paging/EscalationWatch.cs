using AlertEngine.Classify;
using AlertEngine.Sla;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Paging;

/// <summary>
/// The escalation timers, run by <see cref="EscalationJob"/>: starts the chain of a ticket opened
/// outside the pipeline (the ticket API, the monitoring-blind watch), then fires every chain whose
/// next step is due — a held page at the business morning, the call again, the backup, the senior
/// engineer. The timers are rows (<c>escalations.next_at</c>), so a restart resumes them at the
/// right time; a step is planned with its pages in one transaction, and planning it twice adds nothing.
/// </summary>
public sealed partial class EscalationWatch(
    SqliteConnectionFactory connections,
    WriteGate gate,
    EscalationStepper stepper,
    RuleSetProvider rules,
    ISlaClock clock,
    PageDoorbell doorbell,
    TimeProvider time,
    ILogger<EscalationWatch> logger)
{
    /// <summary>Chains fired per run at most; the rest wait for the next run.</summary>
    public const int ChainsPerRun = 200;

    /// <summary>How far back a ticket without a chain is still paged (older ones predate paging or were left alone on purpose).</summary>
    public static readonly TimeSpan StartWindow = TimeSpan.FromHours(1);

    /// <summary>One run; returns how many pages it planned.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        var pages = 0;
        using (await gate.EnterAsync(cancellationToken))
        {
            // Read inside the write transaction: an acknowledgement committed a moment ago is seen.
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            StartMissing(session, now);
            pages += PageHardLimits(session, now);
            foreach (var chain in EscalationStore.ListDue(connection, now, ChainsPerRun))
            {
                if (TicketStore.FindById(connection, chain.TicketId, transaction) is { } ticket)
                {
                    var fired = stepper.Fire(session, chain, ticket, now);
                    pages += fired.Pages;
                    LogFired(logger, ticket.Number, fired.Pages, fired.Reason);
                }
            }

            transaction.Commit();
        }

        if (pages > 0)
        {
            doorbell.Ring();
        }

        return pages;
    }

    private void StartMissing(DbSession session, DateTimeOffset now)
    {
        var set = rules.Current;
        foreach (var id in EscalationStore.ListTicketsWithoutChain(session.Connection, now - StartWindow, ChainsPerRun))
        {
            // Its steps at the respond deadline need the deadline: give it now if the SLA watcher has not yet.
            SlaStore.ApplyDeadlines(session, id, clock, set.Settings.TimeZone, now);
            if (TicketStore.FindById(session.Connection, id, session.Transaction) is not { } ticket)
            {
                continue;
            }

            // Tickets from the API carry no page policy: L1 and L2 page at once, L3 and L4 in business hours.
            var businessHours = ticket.Page == PagePolicy.BusinessHours.ToName() || (ticket.Page is null && ticket.Level >= SupportLevel.L3);
            var start = businessHours ? set.Calendar.NextBusinessStart(now) : now;
            EscalationStore.Start(session, ticket.Id, ticket.Level, ticket.Team ?? set.Settings.DefaultTeam, start, start > now ? start : null, now);
        }
    }

    private int PageHardLimits(DbSession session, DateTimeOffset now)
    {
        var pages = 0;
        foreach (var (ticketId, dueAt) in EscalationStore.ListHardLimitsToPage(session.Connection, now - StartWindow, ChainsPerRun))
        {
            if (TicketStore.FindById(session.Connection, ticketId, session.Transaction) is { } ticket)
            {
                pages += stepper.PageManager(session, ticket, dueAt, now);
            }
        }

        return pages;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of ticket {TicketNumber}: {Pages} pages planned, {Reason}")]
    private static partial void LogFired(ILogger logger, string ticketNumber, int pages, string reason);
}
