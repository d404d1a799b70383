using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>
/// Whether a problem with nothing open for its key is its last ALERT flapping back: <see cref="Reopen"/>
/// is that ticket, or null to open a new one; <see cref="Reason"/> says why (null when there was no
/// candidate at all).
/// </summary>
public sealed record FlapVerdict(Ticket? Reopen, string? Reason)
{
    public static FlapVerdict None { get; } = new(null, null);
}

/// <summary>
/// The flap decision (pure). A key's last ALERT is reopened, and counts a flap, when Zabbix
/// recovered it (not a person: an engineer's resolve is a decision to respect) and the new problem
/// started less than the rules' <c>flapping: { within }</c> after that recovery, both by Zabbix's
/// clocks so that a backlog processed late judges the same. A problem that started before the
/// recovery (delivered out of order) is within the window too.
/// </summary>
public static class FlapDecision
{
    public static FlapVerdict Decide(DateTimeOffset problemAt, Ticket? lastResolved, DateTimeOffset? recoveredAt, FlappingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (lastResolved is null)
        {
            return FlapVerdict.None;
        }

        var number = lastResolved.Number;
        if (policy.IsOff)
        {
            return new(null, $"flapping is off for this key; ticket {number} stays resolved");
        }

        if (lastResolved.State != TicketState.Resolved || lastResolved.ResolvedBy?.StartsWith("zabbix:", StringComparison.Ordinal) != true)
        {
            return new(null, $"ticket {number} was resolved by {lastResolved.ResolvedBy ?? "someone"}, not by a Zabbix recovery");
        }

        if (recoveredAt is not { } recovered)
        {
            return new(null, $"ticket {number} has no recovery time");
        }

        var gap = problemAt - recovered;
        var window = RuleDuration.Format(policy.Within);
        if (gap >= policy.Within)
        {
            return new(null, $"ticket {number} recovered {RuleDuration.Format(gap)} before this problem, not within {window}");
        }

        var when = gap <= TimeSpan.Zero ? "before it recovered" : $"{RuleDuration.Format(gap)} after it recovered";
        return new(lastResolved, $"the problem came back {when} (flapping within {window})");
    }
}
