using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Matches when the event happened, on the wall clock of the team's time zone:
/// <c>business_hours: true|false</c> (the business calendar: public holidays are off, make-up
/// working days on), <c>weekdays: [sat, sun]</c>, <c>from: "22:00"</c> /
/// <c>to: "06:00"</c> (past midnight when <c>to</c> is not after <c>from</c>). All given parts must hold.
/// </summary>
internal sealed class TimeWindowMatcher(bool? businessHours, WeeklyWindow? window) : IEventMatcher
{
    public static readonly string[] Keys = ["business_hours", "weekdays", "from", "to"];

    public int Cost => 5;

    public bool Matches(RuleInput input)
    {
        var local = input.LocalTime(out _);
        if (businessHours is { } wanted && input.Settings.Calendar.IsBusinessLocal(local) != wanted)
        {
            return false;
        }

        return window is null || window.Contains(local);
    }

    public string Mismatch(RuleInput input)
    {
        var local = input.LocalTime(out var zone);
        var when = $"{local:ddd yyyy-MM-dd HH:mm} {zone.Id}";
        if (businessHours is { } wanted && input.Settings.Calendar.IsBusinessLocal(local) != wanted)
        {
            var day = DateOnly.FromDateTime(local);
            var note = input.Settings.Calendar.DayNote(day) is { } special ? $"; {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} is {special}" : "";
            return $"{when} is {(wanted ? "outside" : "inside")} business hours ({input.Settings.BusinessHours.Describe()}{note})";
        }

        return $"{when} is outside {window!.Describe()}";
    }

    public static TimeWindowMatcher? Read(RuleYaml yaml, YamlNode node)
    {
        var entries = yaml.Mapping(node, "time", Keys);
        if (entries is null)
        {
            return null;
        }

        if (entries.Count == 0)
        {
            yaml.Error(node, "time needs business_hours, weekdays or from/to");
            return null;
        }

        bool? business = entries.TryGetValue("business_hours", out var businessNode) ? yaml.Flag(businessNode, "time business_hours") : null;
        if (businessNode is not null && business is null)
        {
            return null;
        }

        var window = ReadWindow(yaml, node, entries, "time", required: false);
        if (window.Failed)
        {
            return null;
        }

        return new TimeWindowMatcher(business, window.Window);
    }

    /// <summary>Reads weekdays and from/to into a window; no window when none of them is given and it is not required.</summary>
    internal static (WeeklyWindow? Window, bool Failed) ReadWindow(RuleYaml yaml, YamlNode node, Dictionary<string, YamlNode> entries, string what, bool required)
    {
        var hasDays = entries.TryGetValue("weekdays", out var daysNode);
        var hasFrom = entries.TryGetValue("from", out var fromNode);
        var hasTo = entries.TryGetValue("to", out var toNode);
        if (!hasDays && !hasFrom && !hasTo && !required)
        {
            return (null, false);
        }

        if (hasFrom != hasTo || (required && !hasFrom))
        {
            yaml.Error(node, $"{what} needs both from and to (times of day like 09:30)");
            return (null, true);
        }

        var days = hasDays ? WeeklyWindow.ReadWeekdays(yaml, daysNode!, $"{what} weekdays") : WeeklyWindow.EveryDay;
        var from = hasFrom ? WeeklyWindow.ReadClock(yaml, fromNode!, $"{what} from", allowEndOfDay: false) : 0;
        var to = hasTo ? WeeklyWindow.ReadClock(yaml, toNode!, $"{what} to", allowEndOfDay: true) : 24 * 60;
        if (days is null || from is null || to is null)
        {
            return (null, true);
        }

        if (from == to)
        {
            yaml.Error(fromNode!, $"impossible {what} window: from and to are both {WeeklyWindow.Clock(from.Value)}");
            return (null, true);
        }

        return (new WeeklyWindow(days.Value, from.Value, to.Value), false);
    }
}
