using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>
/// What the rules decided for an event: its level, customer, team, the correlation key that
/// groups the events of one incident, paging and recurrence policies, labels, whether it is
/// ignored or suppressed by a maintenance window, and the reason to log and assert.
/// </summary>
public sealed record Classification(SupportLevel Level, string? Customer, string Team, string CorrelationKey, string Reason)
{
    /// <summary>The rule that decided (the first match without <c>continue: true</c>), or null when none did.</summary>
    public string? Rule { get; init; }

    public PagePolicy Page { get; init; } = PagePolicy.Now;

    public RecurrencePolicy Recurrence { get; init; } = RecurrencePolicy.Off;

    /// <summary>How soon a problem after a recovery counts as a flap of the same ALERT; 15 minutes unless a rule says otherwise.</summary>
    public FlappingPolicy Flapping { get; init; } = FlappingPolicy.Default;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>True when a rule said <c>ignore: true</c>: the event is stored, no ticket is opened.</summary>
    public bool Ignore { get; init; }

    /// <summary>Why the event is suppressed (ticketed, never paged): a maintenance window or Zabbix's own maintenance; null when not.</summary>
    public string? SuppressedBy { get; init; }

    public bool Suppressed => SuppressedBy is not null;
}
