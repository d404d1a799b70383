namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// A trigger problem event as <c>event.get</c> returns it. <see cref="RecoveryEventId"/> is null
/// while the problem is open ("0" in Zabbix). <see cref="Severity"/> is the current severity.
/// </summary>
public sealed record ZabbixApiEvent
{
    public required string EventId { get; init; }
    public required string TriggerId { get; init; }
    public required string Name { get; init; }
    public required int Severity { get; init; }
    public required DateTimeOffset Clock { get; init; }
    public string? RecoveryEventId { get; init; }
    public bool Acknowledged { get; init; }
    public bool Suppressed { get; init; }
    public string? OpData { get; init; }
    public IReadOnlyList<ZabbixApiHost> Hosts { get; init; } = [];
    public IReadOnlyList<EventTag> Tags { get; init; } = [];
    public IReadOnlyList<ZabbixApiAcknowledge> Acknowledges { get; init; } = [];
}

/// <summary>A host of an event: technical name, visible name, host groups.</summary>
public sealed record ZabbixApiHost(string HostId, string Host, string Name, IReadOnlyList<string> Groups);

/// <summary>
/// One problem update (<c>acknowledges</c> of <c>event.get</c>): who, when, the action bitmask,
/// the message, and the severities when it changed severity. <see cref="UserName"/> is filled
/// when the server returns it (newer versions); otherwise look it up by <see cref="UserId"/>.
/// </summary>
public sealed record ZabbixApiAcknowledge(
    string AcknowledgeId,
    string UserId,
    DateTimeOffset Clock,
    ZabbixUpdateActions Action,
    string Message,
    int OldSeverity,
    int NewSeverity)
{
    public string? UserName { get; init; }
}

/// <summary>An open problem as <c>problem.get</c> returns it.</summary>
public sealed record ZabbixApiProblem(string EventId, string TriggerId, string Name, int Severity, DateTimeOffset Clock);
