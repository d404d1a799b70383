using System.Text.RegularExpressions;
using AlertEngine.Ingest;
using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>
/// The service agreement's fixed map until the rules folder lands (issue #4): disaster→L1,
/// high→L2, average→L3, warning/information/not classified→L4; the customer from a
/// <c>customer</c> tag or the <c>srv-&lt;customer&gt;-&lt;function&gt;</c> host name; the
/// correlation key is the Zabbix server plus the trigger id.
/// </summary>
public static partial class DefaultClassifier
{
    /// <summary>The team every event goes to until rules route them.</summary>
    public const string DefaultTeam = "ops";

    public static Classification Classify(ZabbixEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var level = LevelFor(e.Severity);
        var (customer, from) = CustomerFor(e);
        return new Classification(
            level,
            customer,
            DefaultTeam,
            CorrelationKeyFor(e),
            $"severity {e.Severity} → {level} (default map); customer {customer ?? "unknown"} ({from})");
    }

    public static SupportLevel LevelFor(int severity) => severity switch
    {
        5 => SupportLevel.L1,
        4 => SupportLevel.L2,
        3 => SupportLevel.L3,
        >= 0 and <= 2 => SupportLevel.L4,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Zabbix severities are 0 to 5"),
    };

    /// <summary>The customer code read from <c>srv-&lt;customer&gt;-&lt;function&gt;</c>, lower case, or null.</summary>
    public static string? CustomerFromHostName(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var match = ServerName().Match(host);
        return match.Success ? match.Groups["customer"].Value.ToLowerInvariant() : null;
    }

    public static string CorrelationKeyFor(ZabbixEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{e.Server}:trigger:{e.TriggerId}";
    }

    private static (string? Customer, string From) CustomerFor(ZabbixEvent e)
    {
        var tag = e.TagValue("customer");
        if (!string.IsNullOrWhiteSpace(tag))
        {
            return (tag.Trim().ToLowerInvariant(), "customer tag");
        }

        var fromHost = CustomerFromHostName(e.Host) ?? CustomerFromHostName(e.HostName);
        return fromHost is null ? (null, "host name not srv-<customer>-<function>") : (fromHost, "host name");
    }

    [GeneratedRegex("^srv-(?<customer>[A-Za-z0-9]+)-(?<function>[A-Za-z0-9][A-Za-z0-9._-]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ServerName();
}
