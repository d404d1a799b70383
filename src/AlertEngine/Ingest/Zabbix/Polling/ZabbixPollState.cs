namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>Where the poller stopped on one server (see migration 0007 for each field).</summary>
public sealed record ZabbixPollState(
    string Server,
    long LastEventId,
    DateTimeOffset? LastUpdateAt,
    DateTimeOffset PolledAt,
    DateTimeOffset? FoundAt,
    DateTimeOffset? BackfilledAt);
