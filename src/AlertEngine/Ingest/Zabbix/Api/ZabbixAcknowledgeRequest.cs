namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>One <c>event.acknowledge</c> call: the problem events, what to do, and the message when <see cref="ZabbixUpdateActions.AddMessage"/> is set.</summary>
public sealed record ZabbixAcknowledgeRequest(IReadOnlyList<string> EventIds, ZabbixUpdateActions Action, string? Message);
