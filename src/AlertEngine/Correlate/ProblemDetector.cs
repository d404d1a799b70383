using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>What a problem event does about PROBLEM tickets for its key.</summary>
public enum ProblemAction
{
    /// <summary>Nothing: not a new occurrence, recurrence off, or not recurring enough yet.</summary>
    None,

    /// <summary>A PROBLEM is active for the key: link the ALERT to it (if not yet) and count the occurrence there.</summary>
    CountOnProblem,

    /// <summary>The key came back often enough: open a PROBLEM ticket and link its recent ALERTs.</summary>
    OpenProblem,
}

/// <summary>The PROBLEM decision for one event, with the reason to log and assert.</summary>
public sealed record ProblemPlan(ProblemAction Action, Ticket? Problem, string Reason);

/// <summary>
/// When a repeat opens a PROBLEM (pure). The key "comes back" each time a problem finds nothing
/// open for it: it opens an ALERT, or reopens a flapping one. When it has come back
/// <c>recurrence.count</c> times within <c>recurrence.within</c> (Zabbix clocks, this event
/// included, not counting ALERTs already linked to an earlier PROBLEM) a PROBLEM is opened. While a
/// PROBLEM is active for the key, every new occurrence (a return or one more problem event on an
/// open ALERT) is counted on it.
/// </summary>
public static class ProblemDetector
{
    /// <summary>True when the event brought the key back into problem, the thing recurrence counts.</summary>
    public static bool CameBack(Placement placement) => placement is Placement.OpenTicket or Placement.ReopenFlapping;

    public static ProblemPlan Decide(Placement placement, Ticket alert, Ticket? activeProblem, RecurrencePolicy policy, int returns)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(policy);
        if (placement == Placement.AlreadyLinked)
        {
            return new(ProblemAction.None, null, "the event is already on its ticket: nothing new to count");
        }

        if (activeProblem is not null)
        {
            var link = alert.ProblemTicketId == activeProblem.Id ? "" : $"ticket {alert.Number} linked to it; ";
            return new(ProblemAction.CountOnProblem, activeProblem, $"PROBLEM {activeProblem.Number} is open for this key: {link}occurrence counted there");
        }

        if (policy.IsOff)
        {
            return new(ProblemAction.None, null, "recurrence is off for this key");
        }

        if (!CameBack(placement))
        {
            return new(ProblemAction.None, null, $"one more occurrence on open ticket {alert.Number}: not a return");
        }

        var window = RuleDuration.Format(policy.Within);
        return returns >= policy.Count
            ? new(ProblemAction.OpenProblem, null, $"the key came back {returns} times within {window} (recurrence: {policy})")
            : new(ProblemAction.None, null, $"the key came back {returns} of {policy.Count} times within {window}");
    }
}
