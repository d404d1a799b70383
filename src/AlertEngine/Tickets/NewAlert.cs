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
    DateTimeOffset ProblemAt)
{
    /// <summary>The rule that decided the ticket's level and routing, if any.</summary>
    public string? Rule { get; init; }

    /// <summary>When it pages: now, business_hours or never.</summary>
    public string Page { get; init; } = "now";

    /// <summary>Why it is ticketed but never paged (a maintenance window), or null.</summary>
    public string? SuppressedBy { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
