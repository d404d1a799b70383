using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>
/// The service agreement's map from Zabbix severity to level: disaster→L1, high→L2,
/// average→L3, warning/information/not classified→L4. The shipped rules say the same; this is
/// the last resort for an event no rule gives a level, so that no event is ever left without one.
/// </summary>
public static class DefaultLevelMap
{
    public static SupportLevel LevelFor(int severity) => severity switch
    {
        5 => SupportLevel.L1,
        4 => SupportLevel.L2,
        3 => SupportLevel.L3,
        >= 0 and <= 2 => SupportLevel.L4,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Zabbix severities are 0 to 5"),
    };
}
