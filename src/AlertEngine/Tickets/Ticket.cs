namespace AlertEngine.Tickets;

/// <summary>A ticket as the API and later steps see it. Times are UTC.</summary>
public sealed record Ticket
{
    public required long Id { get; init; }
    public required string Number { get; init; }
    public required TicketType Type { get; init; }
    public required TicketState State { get; init; }
    public required SupportLevel Level { get; init; }
    public string? Customer { get; init; }
    public string? Team { get; init; }
    public required string Title { get; init; }
    public string? ZabbixServer { get; init; }
    public string? TriggerId { get; init; }
    public string? Host { get; init; }
    public string? HostName { get; init; }
    public int? Severity { get; init; }
    public string? CorrelationKey { get; init; }
    public int Occurrences { get; init; }
    public DateTimeOffset? FirstSeenAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Who closed it (a token name, or "by (token name)"), or null while not closed.</summary>
    public string? ClosedBy { get; init; }

    /// <summary>Free text written when the ticket was opened through the API, or null.</summary>
    public string? Description { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The rule that decided the ticket's level and routing, if any.</summary>
    public string? Rule { get; init; }

    /// <summary>When its pages go out: now, business_hours or never (null for tickets from before rules).</summary>
    public string? Page { get; init; }

    /// <summary>Why it is ticketed but never paged (a maintenance window or Zabbix maintenance), or null.</summary>
    public string? SuppressedBy { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>How many times this ALERT came back soon after Zabbix recovered it and was reopened (see Correlate/FlapDecision).</summary>
    public int Flaps { get; init; }

    /// <summary>When it was last reopened by a flap, or null.</summary>
    public DateTimeOffset? LastFlapAt { get; init; }

    /// <summary>True once the ALERT has flapped: problem and recovery alternating within the rules' flapping window.</summary>
    public bool Flapping => Flaps > 0;

    /// <summary>On an ALERT: the PROBLEM ticket it is linked to (its repeats are counted there), or null.</summary>
    public long? ProblemTicketId { get; init; }

    /// <summary>The number of <see cref="ProblemTicketId"/>, or null.</summary>
    public string? ProblemNumber { get; init; }

    /// <summary>On a PROBLEM: how long its key must stay away before it resolves by itself; null on other types.</summary>
    public TimeSpan? Quiet { get; init; }

    /// <summary>Its SLA deadlines and whether they were met, or null until it has them.</summary>
    public TicketSla? Sla { get; init; }
}

/// <summary>
/// A ticket's SLA: its deadlines, its first response, and whether respond and resolve were met or
/// breached (<c>met</c>, <c>breached</c>, or null while undecided).
/// </summary>
public sealed record TicketSla(
    DateTimeOffset RespondBy,
    DateTimeOffset ResolveBy,
    DateTimeOffset HardLimit,
    DateTimeOffset? RespondedAt,
    string? Respond,
    string? Resolve);

/// <summary>One line of a ticket's timeline: what happened, who did it, through which channel.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Actor, string Channel, string Text);

/// <summary>A Zabbix problem event folded into a ticket.</summary>
public sealed record TicketEvent(string ZabbixServer, string EventId, int Severity, DateTimeOffset ProblemAt, string? RecoveryEventId, DateTimeOffset? RecoveredAt);

/// <summary>Filters for listing tickets; null means any.</summary>
public sealed record TicketFilter(TicketState? State, SupportLevel? Level, string? Customer, TicketType? Type, int Limit);
