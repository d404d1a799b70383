using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// A time of day range on some weekdays, on a local wall clock: <c>from</c> inclusive, <c>to</c>
/// exclusive. When <c>to</c> is not after <c>from</c> the window runs past midnight into the
/// next day (a Saturday 23:00–02:00 window covers Sunday 01:30). <c>to: "24:00"</c> is the end of the day.
/// </summary>
internal sealed record WeeklyWindow(int Weekdays, int FromMinute, int ToMinute)
{
    public const int EveryDay = 0b111_1111;

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] FullDayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public bool WrapsMidnight => ToMinute <= FromMinute;

    public bool Contains(DateTime local)
    {
        var day = (int)local.DayOfWeek;
        var minute = (local.Hour * 60) + local.Minute;
        if (!WrapsMidnight)
        {
            return OnDay(day) && minute >= FromMinute && minute < ToMinute;
        }

        // Past midnight: the evening part belongs to the listed day, the early part to the day before.
        return (OnDay(day) && minute >= FromMinute) || (OnDay((day + 6) % 7) && minute < ToMinute);
    }

    public string Describe() =>
        $"{DaysText(Weekdays)} {Clock(FromMinute)}–{Clock(ToMinute)}{(WrapsMidnight ? " (past midnight)" : "")}";

    private bool OnDay(int day) => ((Weekdays >> day) & 1) == 1;

    public static string DaysText(int weekdays) =>
        weekdays == EveryDay ? "every day" : string.Join(",", Enumerable.Range(0, 7).Select(d => (d + 1) % 7).Where(d => ((weekdays >> d) & 1) == 1).Select(d => DayNames[d]));

    public static string Clock(int minute) =>
        $"{(minute / 60).ToString("00", CultureInfo.InvariantCulture)}:{(minute % 60).ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>Reads a list of weekdays (mon … sun, or monday … sunday); null after an error.</summary>
    public static int? ReadWeekdays(RuleYaml yaml, YamlNode node, string what)
    {
        var mask = 0;
        var ok = true;
        foreach (var item in RuleYaml.OneOrMany(node))
        {
            var text = yaml.Text(item, what)?.Trim().ToLowerInvariant();
            if (text is null)
            {
                ok = false;
                continue;
            }

            var day = Array.IndexOf(DayNames, text);
            day = day >= 0 ? day : Array.IndexOf(FullDayNames, text);
            if (day < 0)
            {
                yaml.Error(item, $"unknown weekday '{text}' in {what}: use mon, tue, wed, thu, fri, sat, sun{DidYouMean.Hint(text, DayNames.Concat(FullDayNames))}");
                ok = false;
                continue;
            }

            mask |= 1 << day;
        }

        if (ok && mask == 0)
        {
            yaml.Error(node, $"{what} lists no weekday: the window could never be open");
            return null;
        }

        return ok ? mask : null;
    }

    /// <summary>Reads a time of day "HH:mm" (24-hour; "24:00" only when allowed); minutes since midnight or null.</summary>
    public static int? ReadClock(RuleYaml yaml, YamlNode node, string what, bool allowEndOfDay)
    {
        var text = yaml.Text(node, what);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (allowEndOfDay && trimmed == "24:00")
        {
            return 24 * 60;
        }

        if (TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time.Hour * 60) + time.Minute;
        }

        yaml.Error(node, $"{what} must be a time of day like 09:30 (24-hour{(allowEndOfDay ? ", or 24:00" : "")}), not '{text}'");
        return null;
    }
}
