using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// Words an acknowledgement's action bitmask the way Zabbix words <c>{EVENT.UPDATE.ACTION}</c>
/// ("acknowledged and commented", "changed severity from Warning to High"), so that a polled
/// update reads, and is understood by the pipeline, like one the webhook brought.
/// </summary>
public static class UpdateActionText
{
    private static readonly string[] SeverityNames = ["Not classified", "Information", "Warning", "Average", "High", "Disaster"];

    public static string For(ZabbixApiAcknowledge update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var a = update.Action;
        var parts = new List<string>();
        if (a.HasFlag(ZabbixUpdateActions.ChangeSeverity))
        {
            parts.Add($"changed severity from {Name(update.OldSeverity)} to {Name(update.NewSeverity)}");
        }

        if (a.HasFlag(ZabbixUpdateActions.Acknowledge))
        {
            parts.Add("acknowledged");
        }

        if (a.HasFlag(ZabbixUpdateActions.Unacknowledge))
        {
            parts.Add("unacknowledged");
        }

        if (a.HasFlag(ZabbixUpdateActions.AddMessage))
        {
            parts.Add("commented");
        }

        if (a.HasFlag(ZabbixUpdateActions.Suppress))
        {
            parts.Add("suppressed");
        }

        if (a.HasFlag(ZabbixUpdateActions.Unsuppress))
        {
            parts.Add("unsuppressed");
        }

        if (a.HasFlag(ZabbixUpdateActions.RankToCause) || a.HasFlag(ZabbixUpdateActions.RankToSymptom))
        {
            parts.Add("changed rank");
        }

        if (a.HasFlag(ZabbixUpdateActions.Close))
        {
            parts.Add("closed");
        }

        return parts.Count switch
        {
            0 => "updated",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }

    private static string Name(int severity) =>
        severity >= 0 && severity < SeverityNames.Length ? SeverityNames[severity] : $"severity {severity}";
}
