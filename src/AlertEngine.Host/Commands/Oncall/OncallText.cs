using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Rules;
using AlertEngine.Paging.Roster;

namespace AlertEngine.Host.Commands.Oncall;

/// <summary>What the oncall commands share: the teams asked about, people as printed (phones masked), the tables.</summary>
internal static class OncallText
{
    /// <summary>
    /// The team given (which the roster or the settings must know: else a did-you-mean and exit 2),
    /// or every team of the roster and the settings, roster teams first.
    /// </summary>
    /// <summary>
    /// The rules folder and the teams a command asks about: the rule set, where it came from and the
    /// teams; or null with the exit code when the rules do not load (1) or the team is unknown (2).
    /// </summary>
    public static (RuleSet Rules, string Source, IReadOnlyList<string> Teams)? Load(string? team, string? rulesFolder, TextWriter output, TextWriter errors, string command, out int exit)
    {
        var (rules, source, loaded) = RulesSetup.Load(rulesFolder, output, errors, command);
        exit = loaded;
        if (rules is null)
        {
            return null;
        }

        var teams = Teams(rules, team, errors, command);
        exit = RulesExit.Usage;
        return teams is null ? null : (rules, source, teams);
    }

    public static IReadOnlyList<string>? Teams(RuleSet rules, string? team, TextWriter errors, string command)
    {
        var known = rules.Roster.Teams.Concat(rules.Settings.Teams.Keys.Order(StringComparer.Ordinal)).Distinct().ToList();
        if (team is null)
        {
            return known;
        }

        if (known.Contains(team))
        {
            return [team];
        }

        errors.WriteLine($"alertengine {command}: unknown team '{team}'{DidYouMean.Hint(team, known)}; the teams are {string.Join(", ", known)}.");
        return null;
    }

    /// <summary>The wall clock a team's times are shown on: its rotation's, else its zone in the settings.</summary>
    public static TimeZoneInfo ZoneOf(RuleSet rules, string team) =>
        rules.Roster.HasTeam(team) ? rules.Roster.TimeZoneOf(team) : rules.Settings.TimeZoneOf(team);

    /// <summary>"李娜 +*********0012": the name and the phone with all but its last 4 digits hidden; "-" for nobody.</summary>
    public static string Person(Person? person) => person is null ? "-" : $"{person.Name} {Mask(person.Phone)}";

    public static string Mask(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var keep = Math.Min(4, phone.Length);
        var hidden = phone[..^keep];
        var plus = hidden.StartsWith('+') ? "+" : "";
        return plus + new string('*', hidden.Length - plus.Length) + phone[^keep..];
    }

    /// <summary>"2026-11-26 18:00 +08:00" on the zone's wall clock; "-" for none.</summary>
    public static string Time(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } instant && instant != DateTimeOffset.MaxValue
            ? TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : "-";

    /// <summary>A table: the header, a rule, rows; cells separated by " | ", widths fitted to the content as a terminal shows it.</summary>
    public static void Table(TextWriter output, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => Width(r[i])).Prepend(Width(h)).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, i) => cell + new string(' ', widths[i] - Width(cell)))).TrimEnd();

    /// <summary>Columns a terminal gives the text: two for a CJK character (张伟), one for the rest.</summary>
    internal static int Width(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
