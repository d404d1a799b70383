using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>PROBLEM tickets for keys that keep coming back, and severity changes made in Zabbix.</summary>
public sealed partial class CorrelateStage
{
    private const string ProblemTitlePrefix = "Keeps coming back: ";

    /// <summary>Opens a PROBLEM for a key that keeps coming back, or counts the occurrence on the active one.</summary>
    private static ProblemPlan CountRecurrence(EventContext context, ZabbixEvent e, Classification c, Placement placement, Ticket alert)
    {
        var session = context.Session;
        var key = c.CorrelationKey;
        var active = placement == Placement.AlreadyLinked ? null : TicketStore.FindActiveProblemByKey(session, key);
        var returns = active is null && !c.Recurrence.IsOff && ProblemDetector.CameBack(placement)
            ? TicketStore.CountReturns(session, key, e.ProblemAt - c.Recurrence.Within)
            : 0;
        var plan = ProblemDetector.Decide(placement, alert, active, c.Recurrence, returns);
        var engine = $"zabbix:{e.Server}";
        switch (plan.Action)
        {
            case ProblemAction.OpenProblem:
                var (problem, linked) = TicketStore.OpenProblem(session, NewAlertFrom(e, c, ProblemTitlePrefix + alert.Title), c.Recurrence.Quiet, e.ProblemAt - c.Recurrence.Within, context.Now);
                Timeline(context, problem, "opened", engine,
                    $"Opened {problem.Level} PROBLEM: {plan.Reason}; ALERT tickets {string.Join(", ", linked.Select(l => l.Number))} linked, "
                    + $"{Count(problem.Occurrences)} occurrences; resolves by itself after {RuleDuration.Format(c.Recurrence.Quiet)} without one");
                foreach (var link in linked)
                {
                    TicketStore.AddTimeline(session, link.Id, new TimelineEntry(context.Now, "problem-linked", engine, Channel,
                        $"Linked to PROBLEM {problem.Number}: this key keeps coming back; its repeats are counted there, not paged again"), context.Inbox.Id);
                }

                return plan with { Problem = problem };

            case ProblemAction.CountOnProblem:
                var counting = plan.Problem!;
                if (alert.ProblemTicketId != counting.Id)
                {
                    TicketStore.LinkAlert(session, alert.Id, counting.Id, context.Now);
                    Timeline(context, alert, "problem-linked", engine, $"Linked to PROBLEM {counting.Number}: its repeats are counted there, not paged again");
                }

                TicketStore.AddOccurrence(session, counting.Id, e.ProblemAt, context.Now);
                Timeline(context, counting, "occurrence", engine,
                    $"Occurrence {Count(counting.Occurrences + 1)}: problem event {e.EventId} on ALERT {alert.Number} ({e.EventName})");
                return plan;

            default:
                return plan;
        }
    }

    /// <summary>A severity changed in Zabbix: record it, re-level the ticket when the rules say so, and say so on the timeline.</summary>
    /// <summary>Applies a severity change made in Zabbix; true when it changed the ticket's level.</summary>
    private static bool ReLevel(EventContext context, ZabbixEvent e, Classification c, Ticket ticket, int recordedSeverity)
    {
        if (e.Kind != EventKind.Update || SeverityDecision.Decide(e.Update, recordedSeverity, ticket, c) is not { } change)
        {
            return false;
        }

        TicketStore.ChangeSeverity(context.Session, ticket.Id, e.Server, e.EventId, change.To, change.LevelTo, context.Now);
        Timeline(context, ticket, change.Relevels ? "level-changed" : "severity-changed", e.Update!.User, change.Text);
        return change.Relevels;
    }
}
