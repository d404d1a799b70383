using System.Globalization;
using AlertEngine.Paging.Roster;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

internal sealed partial class OncallSection
{
    private static readonly string[] RotationKeys = ["hand_off", "start", "shifts", "members"];
    private static readonly string[] ShiftKeys = ["name", "from", "to"];

    private Rotation? ReadRotation(RuleYaml yaml, YamlNode node, string team, bool businessHoursOnly)
    {
        var what = $"{team} rotation";
        var entries = yaml.Mapping(node, what, RotationKeys);
        if (entries is null)
        {
            return null;
        }

        var errorsBefore = yaml.Errors.Count;
        foreach (var key in RotationKeys.Where(k => !entries.ContainsKey(k)))
        {
            yaml.Error(node, $"{what} needs {key} (hand_off, start, shifts, members)");
        }

        HandOff? handOff = null;
        if (entries.TryGetValue("hand_off", out var handOffNode) && yaml.Text(handOffNode, $"{what} hand_off")?.Trim() is { } handOffText)
        {
            handOff = handOffText switch { "daily" => HandOff.Daily, "weekly" => HandOff.Weekly, _ => null };
            if (handOff is null)
            {
                yaml.Error(handOffNode, $"{what} hand_off must be daily or weekly, not '{handOffText}'{DidYouMean.Hint(handOffText, ["daily", "weekly"])}");
            }
        }

        DateOnly? start = null;
        if (entries.TryGetValue("start", out var startNode) && yaml.Text(startNode, $"{what} start")?.Trim() is { } startText)
        {
            start = DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if (start is null)
            {
                yaml.Error(startNode, $"{what} start must be the date of the first hand-off like 2026-01-05, not '{startText}'");
            }
        }

        var shifts = entries.TryGetValue("shifts", out var shiftsNode) ? ReadShifts(yaml, shiftsNode, what, businessHoursOnly) : null;
        var members = entries.TryGetValue("members", out var membersNode) ? ReadMembers(yaml, membersNode, what) : null;
        return yaml.Errors.Count > errorsBefore || handOff is null || start is null || shifts is null || members is null
            ? null
            : new Rotation(handOff.Value, start.Value, shifts, members);
    }

    private List<Person>? ReadMembers(RuleYaml yaml, YamlNode node, string what)
    {
        var members = new List<Person>();
        var items = yaml.List(node, $"{what} members");
        if (node is YamlSequenceNode && items.Count == 0)
        {
            yaml.Error(node, $"{what} members is empty: list the person ids who take turns, in order");
            return null;
        }

        foreach (var item in items)
        {
            if (PersonRef(yaml, item, $"{what} members") is not { } person)
            {
                continue;
            }

            if (members.Contains(person))
            {
                yaml.Error(item, $"{what} members lists '{person.Id}' twice");
                continue;
            }

            members.Add(person);
        }

        return members.Count == items.Count && members.Count > 0 ? members : null;
    }

    private List<RotationShift>? ReadShifts(RuleYaml yaml, YamlNode node, string what, bool businessHoursOnly)
    {
        var shifts = new List<RotationShift>();
        var items = yaml.List(node, $"{what} shifts");
        if (node is YamlSequenceNode && items.Count == 0)
        {
            yaml.Error(node, $"{what} shifts is empty: give at least one {{ name, from, to }}");
        }

        var errorsBefore = yaml.Errors.Count;
        foreach (var item in items)
        {
            var entries = yaml.Mapping(item, $"a shift of the {what}", ShiftKeys);
            if (entries is null)
            {
                continue;
            }

            foreach (var key in ShiftKeys.Where(k => !entries.ContainsKey(k)))
            {
                yaml.Error(item, $"a shift of the {what} needs {key} (name, from, to)");
            }

            var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, "shift name")?.Trim() : null;
            var from = entries.TryGetValue("from", out var fromNode) ? ReadClock(yaml, fromNode, "shift from", allowMidnightEnd: false) : null;
            var to = entries.TryGetValue("to", out var toNode) ? ReadClock(yaml, toNode, "shift to", allowMidnightEnd: true) : null;
            if (name is not null && shifts.Any(s => s.Name == name))
            {
                yaml.Error(nameNode!, $"{what} has two shifts named '{name}'");
            }
            else if (name is not null && from is not null && to is not null)
            {
                shifts.Add(new RotationShift(name, from.Value, to.Value));
            }
        }

        if (yaml.Errors.Count > errorsBefore || shifts.Count == 0 || !Covers(yaml, node, what, shifts, businessHoursOnly))
        {
            return null;
        }

        return shifts;
    }

    /// <summary>
    /// No minute of the day in two shifts; every minute in one for a team on duty around the clock,
    /// every minute of business hours for a business-hours-only team. False after an error.
    /// </summary>
    private bool Covers(RuleYaml yaml, YamlNode node, string what, List<RotationShift> shifts, bool businessHoursOnly)
    {
        var owner = new int[RotationShift.MinutesPerDay];
        Array.Fill(owner, -1);
        for (var i = 0; i < shifts.Count; i++)
        {
            for (var m = 0; m < shifts[i].Minutes; m++)
            {
                var minute = (shifts[i].FromMinute + m) % RotationShift.MinutesPerDay;
                if (owner[minute] >= 0)
                {
                    yaml.Error(node, $"{what}: shifts '{shifts[owner[minute]].Name}' and '{shifts[i].Name}' overlap at {Clock(minute)}");
                    return false;
                }

                owner[minute] = i;
            }
        }

        var (from, to, need) = businessHoursOnly
            ? (settings.BusinessHours.FromMinute, settings.BusinessHours.ToMinute, "every minute of business hours in a shift")
            : (0, RotationShift.MinutesPerDay, "every minute of the day in a shift, as it is on duty around the clock (or set business_hours_only: true)");
        var gap = Enumerable.Range(from, to - from).Where(m => owner[m] < 0).ToList();
        if (gap.Count == 0)
        {
            return true;
        }

        var end = gap[0];
        while (end + 1 < to && owner[end + 1] < 0)
        {
            end++;
        }

        yaml.Error(node, $"{what}: the shifts leave {Clock(gap[0])}–{Clock(end + 1)} uncovered; the team needs {need}");
        return false;
    }

    /// <summary>"HH:mm" as minutes after midnight (and "24:00" for an end); null after an error.</summary>
    private static int? ReadClock(RuleYaml yaml, YamlNode node, string what, bool allowMidnightEnd)
    {
        var text = yaml.Text(node, what)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (allowMidnightEnd && text == "24:00")
        {
            return RotationShift.MinutesPerDay;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time.Hour * 60) + time.Minute;
        }

        yaml.Error(node, $"{what} must be a time of day like \"09:30\", not '{text}'");
        return null;
    }

    private static string Clock(int minute) =>
        $"{(minute / 60).ToString("00", CultureInfo.InvariantCulture)}:{(minute % 60).ToString("00", CultureInfo.InvariantCulture)}";
}
