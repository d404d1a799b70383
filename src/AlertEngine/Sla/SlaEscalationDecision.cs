using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>An active ticket's deadlines and whether anyone has responded, as the watcher reads them.</summary>
public sealed record SlaTicket(
    long Id,
    string Number,
    SupportLevel Level,
    DateTimeOffset RespondBy,
    DateTimeOffset ResolveBy,
    DateTimeOffset HardLimit,
    DateTimeOffset RespondWarnAt,
    DateTimeOffset? RespondedAt);

/// <summary>One escalation due: which deadline, its instant, and what to do, in words for the timeline.</summary>
public sealed record SlaEscalation(SlaDeadlineKind Deadline, DateTimeOffset DueAt, string Action);

/// <summary>
/// Which of an active ticket's deadlines have passed and call for an escalation. Pure: whether one
/// was already made is the store's business (one row per ticket, deadline and instant). A warning
/// whose respond deadline has passed too is not made any more: the breach says more.
/// </summary>
public static class SlaEscalationDecision
{
    public static IReadOnlyList<SlaEscalation> Due(SlaTicket t, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(zone);
        var due = new List<SlaEscalation>();
        if (t.RespondedAt is null && t.RespondWarnAt <= now && t.RespondBy > now)
        {
            due.Add(new(SlaDeadlineKind.RespondWarn, t.RespondWarnAt,
                $"SLA: nobody has responded and the respond deadline {Local(t.RespondBy, zone)} is near: page again per the {t.Level} escalation policy"));
        }

        if (t.RespondedAt is null && t.RespondBy <= now)
        {
            due.Add(new(SlaDeadlineKind.Respond, t.RespondBy,
                $"SLA breach: nobody responded by {Local(t.RespondBy, zone)} ({t.Level}): escalate to the senior engineer"));
        }

        if (t.ResolveBy <= now)
        {
            due.Add(new(SlaDeadlineKind.Resolve, t.ResolveBy,
                $"SLA breach: not resolved by {Local(t.ResolveBy, zone)} ({t.Level}): escalate to the senior engineer"));
        }

        if (t.HardLimit <= now)
        {
            due.Add(new(SlaDeadlineKind.HardLimit, t.HardLimit,
                $"SLA hard limit {Local(t.HardLimit, zone)} passed ({t.Level}): escalate to the manager"));
        }

        return due;
    }

    /// <summary>An instant on the team's wall clock, e.g. <c>2026-11-27 12:30 Asia/Shanghai</c>.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {zone.Id}";
    }
}
