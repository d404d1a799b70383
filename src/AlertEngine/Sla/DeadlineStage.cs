using AlertEngine.Classify;
using AlertEngine.Pipeline;

namespace AlertEngine.Sla;

/// <summary>
/// Gives the event's ticket (and a PROBLEM it opened) its deadlines when it opens, and new ones
/// when its level changed, in the pipeline's transaction: from the level, the rules' SLA table and
/// business calendar, and the problem's start in Zabbix — a problem found late may already be late.
/// </summary>
public sealed class DeadlineStage(ISlaClock clock, RuleSetProvider rules) : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only an opened ticket or a changed level needs deadlines: most events of a storm are
        // occurrences and updates, and cost nothing here. Anything else that leaves a ticket without
        // deadlines for its level, the SLA watcher finds (SlaSql.ListNeedingDeadlines).
        if (context.Correlation is { } correlation)
        {
            var zone = rules.Current.Settings.TimeZone;
            if (correlation.Opened || correlation.Relevelled)
            {
                SlaStore.ApplyDeadlines(context.Session, correlation.TicketId, clock, zone, context.Now, context.Inbox.Id);
            }

            if (correlation.ProblemOpened && correlation.ProblemTicketId is { } problem)
            {
                SlaStore.ApplyDeadlines(context.Session, problem, clock, zone, context.Now, context.Inbox.Id);
            }
        }

        return ValueTask.FromResult(StageOutcome.Continue(context));
    }
}
