namespace AlertEngine.Ingest;

/// <summary>
/// One Zabbix trigger event as the pipeline sees it, whichever path brought it (webhook now,
/// API poller later). <see cref="EventId"/> is always the problem's event id, also on updates
/// and recoveries.
/// </summary>
public sealed record ZabbixEvent
{
    public required string Server { get; init; }
    public required string EventId { get; init; }
    public required EventKind Kind { get; init; }
    public required int Severity { get; init; }
    public required string EventName { get; init; }
    public required string TriggerId { get; init; }
    public required string Host { get; init; }
    public string? HostName { get; init; }
    public IReadOnlyList<string> HostGroups { get; init; } = [];
    public IReadOnlyList<EventTag> Tags { get; init; } = [];

    /// <summary>When the problem started in Zabbix (the event clock, not when we saw it).</summary>
    public required DateTimeOffset ProblemAt { get; init; }

    public string? RecoveryEventId { get; init; }
    public DateTimeOffset? RecoveredAt { get; init; }
    public ZabbixUpdate? Update { get; init; }
    public bool? Acknowledged { get; init; }

    /// <summary>True when Zabbix marks the problem suppressed (host maintenance): ticketed, never paged.</summary>
    public bool? Suppressed { get; init; }
    public string? OpData { get; init; }
    public string? ZabbixUrl { get; init; }

    /// <summary>Why the API poller made this event up (a problem gone from Zabbix); null for events Zabbix sent.</summary>
    public string? PollerNote { get; init; }

    /// <summary>The value of the first tag with this name, or null.</summary>
    public string? TagValue(string tag) =>
        Tags.FirstOrDefault(t => string.Equals(t.Tag, tag, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>One Zabbix event tag.</summary>
public sealed record EventTag(string Tag, string Value);

/// <summary>
/// A problem update made in Zabbix: <see cref="Action"/> is Zabbix's own wording
/// ("acknowledged and commented", "changed severity from Warning to High", ...).
/// </summary>
public sealed record ZabbixUpdate(
    string Action,
    string? Message,
    string? User,
    string? Date,
    string? Time,
    int? NewSeverity)
{
    /// <summary>
    /// When the update was made in Zabbix (its acknowledgement clock). The media type sends it as
    /// <c>update_clock</c>; the API poller reads it from <c>acknowledges</c>. Null from older media types.
    /// </summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>True when the update acknowledged the problem (not "unacknowledged").</summary>
    public bool Acknowledges => Words.Contains("acknowledged");

    /// <summary>True when the update took an acknowledgement back.</summary>
    public bool Unacknowledges => Words.Contains("unacknowledged");

    private string[] Words => Action.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
}
