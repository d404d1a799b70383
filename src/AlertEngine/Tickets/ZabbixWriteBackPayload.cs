using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Tickets;

/// <summary>
/// The payload (outbox.payload, JSON) of a Zabbix write-back: the problem events on one server,
/// the trigger of each (<see cref="TriggerIds"/>[i] belongs to <see cref="EventIds"/>[i]; null
/// when unknown), the <c>event.acknowledge</c> action bits and the message.
/// </summary>
public sealed record ZabbixWriteBackPayload(
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string?> TriggerIds,
    ZabbixUpdateActions Action,
    string Message);

/// <summary>A still-unrecovered Zabbix problem event a write-back is about, with its trigger.</summary>
public sealed record WriteBackEvent(string Server, string EventId, string? TriggerId);
