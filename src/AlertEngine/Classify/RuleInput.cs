using AlertEngine.Ingest;

namespace AlertEngine.Classify;

/// <summary>
/// What a rule is matched against: the event, the instant it happened, and what earlier
/// <c>continue: true</c> rules have set so far (a customer matcher sees the customer they set).
/// Local times are worked out once per time zone.
/// </summary>
internal sealed class RuleInput(ZabbixEvent e, DateTimeOffset at, RuleSettings settings)
{
    private TimeZoneInfo? _zone;
    private DateTime _local;

    public ZabbixEvent Event { get; } = e;

    /// <summary>When the event happened: the problem's clock in Zabbix unless told otherwise.</summary>
    public DateTimeOffset At { get; } = at;

    public RuleSettings Settings { get; } = settings;

    public string? Customer { get; set; }

    public string? Team { get; set; }

    /// <summary>The team the rules have chosen so far, or the default team.</summary>
    public string TeamOrDefault => Team ?? Settings.DefaultTeam;

    /// <summary>The event's instant on the wall clock of the current team's time zone.</summary>
    public DateTime LocalTime(out TimeZoneInfo zone)
    {
        zone = Settings.TimeZoneOf(TeamOrDefault);
        if (!ReferenceEquals(zone, _zone))
        {
            _zone = zone;
            _local = TimeZoneInfo.ConvertTime(At, zone).DateTime;
        }

        return _local;
    }
}
