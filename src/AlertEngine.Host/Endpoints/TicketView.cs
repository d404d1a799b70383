using AlertEngine.Tickets;

namespace AlertEngine.Host.Endpoints;

/// <summary>A ticket as the API shows it; events and timeline only on the single-ticket view.</summary>
internal sealed record TicketView
{
    public required string Number { get; init; }
    public required TicketType Type { get; init; }
    public required string State { get; init; }
    public required SupportLevel Level { get; init; }
    public string? Customer { get; init; }
    public string? Team { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? ZabbixServer { get; init; }
    public string? TriggerId { get; init; }
    public string? Host { get; init; }
    public string? HostName { get; init; }
    public int? Severity { get; init; }
    public int Occurrences { get; init; }
    public DateTimeOffset? FirstSeenAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    public string? Rule { get; init; }
    public string? Page { get; init; }
    public bool Suppressed { get; init; }
    public string? SuppressedBy { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>True once the ALERT has flapped (reopened by a problem soon after its recovery).</summary>
    public bool Flapping { get; init; }

    /// <summary>How many times it flapped.</summary>
    public int Flaps { get; init; }

    public DateTimeOffset? LastFlapAt { get; init; }

    /// <summary>On an ALERT: the number of the PROBLEM ticket it is linked to, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>On a PROBLEM: the quiet period after which it resolves by itself, in seconds.</summary>
    public long? QuietSeconds { get; init; }

    /// <summary>On a PROBLEM, single-ticket view only: the numbers of its linked ALERT tickets.</summary>
    public IReadOnlyList<string>? Alerts { get; init; }

    /// <summary>Deadlines (respond by, resolve by, hard limit), first response, and respond/resolve met or breached; null until given.</summary>
    public TicketSla? Sla { get; init; }

    public IReadOnlyList<TicketEvent>? Events { get; init; }
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }

    public static TicketView From(Ticket t) => new()
    {
        Number = t.Number,
        Type = t.Type,
        State = t.State.ToName(),
        Level = t.Level,
        Customer = t.Customer,
        Team = t.Team,
        Title = t.Title,
        Description = t.Description,
        ZabbixServer = t.ZabbixServer,
        TriggerId = t.TriggerId,
        Host = t.Host,
        HostName = t.HostName,
        Severity = t.Severity,
        Occurrences = t.Occurrences,
        FirstSeenAt = t.FirstSeenAt,
        LastSeenAt = t.LastSeenAt,
        OpenedAt = t.OpenedAt,
        AcknowledgedAt = t.AcknowledgedAt,
        AcknowledgedBy = t.AcknowledgedBy,
        ResolvedAt = t.ResolvedAt,
        ResolvedBy = t.ResolvedBy,
        ClosedAt = t.ClosedAt,
        ClosedBy = t.ClosedBy,
        Rule = t.Rule,
        Page = t.Page,
        Suppressed = t.SuppressedBy is not null,
        SuppressedBy = t.SuppressedBy,
        Labels = t.Labels.Count == 0 ? null : t.Labels,
        Flapping = t.Flapping,
        Flaps = t.Flaps,
        LastFlapAt = t.LastFlapAt,
        Problem = t.ProblemNumber,
        QuietSeconds = t.Quiet is { } quiet ? (long)quiet.TotalSeconds : null,
        Sla = t.Sla,
    };
}
