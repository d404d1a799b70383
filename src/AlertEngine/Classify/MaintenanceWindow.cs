using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// A maintenance window from the rules folder: events it matches while it is open are ticketed
/// but never paged, and marked suppressed. Open either once (<c>once: { from, to }</c>, local
/// date and time) or every week (<c>weekly: { weekdays, from, to }</c>, past midnight allowed),
/// on the wall clock of its <c>time_zone</c> (default: the settings' time zone). Start inclusive, end exclusive.
/// </summary>
internal sealed class MaintenanceWindow
{
    public static readonly string[] Keys = ["name", "description", "match", "once", "weekly", "time_zone"];
    private static readonly string[] OnceKeys = ["from", "to"];
    private static readonly string[] WeeklyKeys = ["weekdays", "from", "to"];

    private readonly DateTimeOffset _onceFrom;
    private readonly DateTimeOffset _onceTo;
    private readonly WeeklyWindow? _weekly;

    private MaintenanceWindow(string name, string file, int line, RuleMatcher match, TimeZoneInfo? zone, DateTimeOffset onceFrom, DateTimeOffset onceTo, WeeklyWindow? weekly)
    {
        Name = name;
        File = file;
        Line = line;
        Match = match;
        Zone = zone;
        _onceFrom = onceFrom;
        _onceTo = onceTo;
        _weekly = weekly;
    }

    public string Name { get; }
    public string File { get; }
    public int Line { get; }
    public RuleMatcher Match { get; }

    /// <summary>The window's own time zone, or null for the settings' time zone.</summary>
    public TimeZoneInfo? Zone { get; }

    public string Where => $"{File}:{Line}";

    public bool IsOpen(DateTimeOffset at, RuleSettings settings)
    {
        if (_weekly is null)
        {
            return at >= _onceFrom && at < _onceTo;
        }

        return _weekly.Contains(TimeZoneInfo.ConvertTime(at, Zone ?? settings.TimeZone).DateTime);
    }

    public string Describe(RuleSettings settings)
    {
        var zone = Zone ?? settings.TimeZone;
        if (_weekly is not null)
        {
            return $"weekly {_weekly.Describe()} {zone.Id}";
        }

        var from = TimeZoneInfo.ConvertTime(_onceFrom, zone);
        var to = TimeZoneInfo.ConvertTime(_onceTo, zone);
        return $"once {from.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{to.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";
    }

    public static MaintenanceWindow? Read(RuleYaml yaml, YamlNode node, TimeZoneInfo defaultZone)
    {
        var entries = yaml.Mapping(node, "maintenance window", Keys);
        if (entries is null)
        {
            return null;
        }

        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, "maintenance name") : null;
        if (nameNode is null)
        {
            yaml.Error(node, "maintenance window needs a name");
        }

        var match = entries.TryGetValue("match", out var matchNode) ? RuleMatcher.Read(yaml, matchNode, "maintenance match", allowTime: false) : RuleMatcher.Everything;
        var zone = entries.TryGetValue("time_zone", out var zoneNode) ? RuleTimeZone.Read(yaml, zoneNode, "maintenance time_zone") : null;
        if (zoneNode is not null && zone is null)
        {
            return null;
        }

        var hasOnce = entries.TryGetValue("once", out var onceNode);
        var hasWeekly = entries.TryGetValue("weekly", out var weeklyNode);
        if (hasOnce == hasWeekly)
        {
            yaml.Error(node, "maintenance window needs exactly one of once or weekly");
            return null;
        }

        if (name is null || match is null)
        {
            return null;
        }

        var line = RuleYaml.Line(node);
        if (hasWeekly)
        {
            var weekly = yaml.Mapping(weeklyNode!, "maintenance weekly", WeeklyKeys);
            var window = weekly is null ? (null, true) : TimeWindowMatcher.ReadWindow(yaml, weeklyNode!, weekly, "maintenance weekly", required: true);
            return window.Failed ? null : new MaintenanceWindow(name, yaml.File, line, match, zone, default, default, window.Window);
        }

        var once = yaml.Mapping(onceNode!, "maintenance once", OnceKeys);
        if (once is null)
        {
            return null;
        }

        if (!once.TryGetValue("from", out var fromNode) || !once.TryGetValue("to", out var toNode))
        {
            yaml.Error(onceNode!, "maintenance once needs from and to (local date and time like 2026-12-01 22:00)");
            return null;
        }

        var from = Instant(yaml, fromNode, zone ?? defaultZone, "maintenance once from");
        var to = Instant(yaml, toNode, zone ?? defaultZone, "maintenance once to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            yaml.Error(toNode, "impossible maintenance window: it ends before it starts");
            return null;
        }

        return new MaintenanceWindow(name, yaml.File, line, match, zone, from.Value, to.Value, null);
    }

    private static DateTimeOffset? Instant(RuleYaml yaml, YamlNode node, TimeZoneInfo zone, string what)
    {
        var text = yaml.Text(node, what)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (RuleInstant.TryParse(text, zone, out var instant))
        {
            return instant;
        }

        yaml.Error(node, $"{what} must be a local date and time like 2026-12-01 22:00, not '{text}'");
        return null;
    }
}
