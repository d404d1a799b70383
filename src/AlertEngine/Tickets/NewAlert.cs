namespace AlertEngine.Tickets;

/// <summary>What is needed to open an ALERT ticket from a Zabbix problem event.</summary>
public sealed record NewAlert(
    SupportLevel Level,
    string? Customer,
    string? Team,
    string Title,
    string ZabbixServer,
    string TriggerId,
    string Host,
    string? HostName,
    int Severity,
    string CorrelationKey,
    DateTimeOffset ProblemAt);
