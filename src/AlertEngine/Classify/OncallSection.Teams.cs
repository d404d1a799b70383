using System.Globalization;
using AlertEngine.Paging.Roster;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

internal sealed partial class OncallSection
{
    private static readonly string[] TeamKeys = ["time_zone", "senior", "manager", "business_hours_only", "after_hours", "rotation", "overrides"];
    private static readonly string[] OverrideKeys = ["person", "from", "to", "shift", "reason"];
    private static readonly string[] RequiredTeamKeys = ["senior", "manager", "rotation"];
    private static readonly string[] RequiredOverrideKeys = ["person", "from", "to"];

    private void ReadTeams(RuleYaml yaml, YamlNode node)
    {
        if (node is not YamlMappingNode teams)
        {
            yaml.Error(node, "oncall teams must be a mapping of team name: { senior, manager, rotation, … }");
            return;
        }

        var afterHours = new List<(string Team, string After, YamlNode Node)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in teams.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                yaml.Error(keyNode, "team names must be plain words");
                continue;
            }

            if (!settings.Teams.ContainsKey(name))
            {
                yaml.Error(keyNode, $"unknown team '{name}': declare it under teams in the settings{DidYouMean.Hint(name, settings.Teams.Keys)}");
                continue;
            }

            if (!seen.Add(name))
            {
                yaml.Error(keyNode, $"team '{name}' has a roster already in oncall teams");
                continue;
            }

            if (ReadTeam(yaml, name, value, out var after) is { } team)
            {
                _teams.Add(team);
                if (team.AfterHours is not null)
                {
                    afterHours.Add((name, team.AfterHours, after!));
                }
            }
        }

        foreach (var (team, after, where) in afterHours)
        {
            var cover = _teams.FirstOrDefault(t => t.Name == after);
            if (!seen.Contains(after))
            {
                yaml.Error(where, $"team '{team}' after_hours: '{after}' has no rotation under oncall teams{DidYouMean.Hint(after, seen)}");
            }
            else if (cover is { BusinessHoursOnly: true })
            {
                yaml.Error(where, $"team '{team}' after_hours: '{after}' is business_hours_only itself; the cover after hours must be a team on duty around the clock");
            }
        }
    }

    private RosterTeam? ReadTeam(RuleYaml yaml, string name, YamlNode node, out YamlNode? afterNode)
    {
        afterNode = null;
        var what = $"oncall team '{name}'";
        var entries = yaml.Mapping(node, what, TeamKeys);
        if (entries is null)
        {
            return null;
        }

        var errorsBefore = yaml.Errors.Count;
        foreach (var key in RequiredTeamKeys.Where(k => !entries.ContainsKey(k)))
        {
            yaml.Error(node, $"{what} needs {key}");
        }

        var zone = entries.TryGetValue("time_zone", out var zoneNode) ? RuleTimeZone.Read(yaml, zoneNode, $"{what} time_zone") : settings.TimeZoneOf(name);
        var senior = entries.TryGetValue("senior", out var seniorNode) ? PersonRef(yaml, seniorNode, $"{what} senior") : null;
        var manager = entries.TryGetValue("manager", out var managerNode) ? PersonRef(yaml, managerNode, $"{what} manager") : null;
        var businessHoursOnly = entries.TryGetValue("business_hours_only", out var bhoNode) ? yaml.Flag(bhoNode, $"{what} business_hours_only") : false;
        string? after = null;
        if (entries.TryGetValue("after_hours", out afterNode))
        {
            after = yaml.Text(afterNode, $"{what} after_hours")?.Trim();
            if (businessHoursOnly == false)
            {
                yaml.Error(afterNode, $"{what}: after_hours is for a business_hours_only team; this one is on duty around the clock");
            }
            else if (after == name)
            {
                yaml.Error(afterNode, $"{what}: after_hours must name another team");
            }
        }
        else if (businessHoursOnly == true)
        {
            yaml.Error(node, $"{what} is business_hours_only: give after_hours, the team that covers outside business hours");
        }

        var rotation = entries.TryGetValue("rotation", out var rotationNode) && businessHoursOnly is not null
            ? ReadRotation(yaml, rotationNode, what, businessHoursOnly.Value)
            : null;
        var overrides = entries.TryGetValue("overrides", out var overridesNode) && zone is not null && rotation is not null
            ? ReadOverrides(yaml, overridesNode, what, zone, rotation)
            : [];
        if (yaml.Errors.Count > errorsBefore || zone is null || senior is null || manager is null || rotation is null)
        {
            return null;
        }

        return new RosterTeam(name, zone, settings.Calendar.InZone(zone), senior, manager, businessHoursOnly!.Value, after, rotation, overrides);
    }

    private List<RosterOverride> ReadOverrides(RuleYaml yaml, YamlNode node, string team, TimeZoneInfo zone, Rotation rotation)
    {
        var overrides = new List<RosterOverride>();
        foreach (var item in yaml.List(node, $"{team} overrides"))
        {
            var what = $"{team} override";
            var entries = yaml.Mapping(item, what, OverrideKeys);
            if (entries is null)
            {
                continue;
            }

            foreach (var key in RequiredOverrideKeys.Where(k => !entries.ContainsKey(k)))
            {
                yaml.Error(item, $"{what} needs {key} (person, from, to; shift and reason are optional)");
            }

            var person = entries.TryGetValue("person", out var personNode) ? PersonRef(yaml, personNode, $"{what} person") : null;
            var from = entries.TryGetValue("from", out var fromNode) ? ReadLocalTime(yaml, fromNode, $"{what} from", zone) : null;
            var to = entries.TryGetValue("to", out var toNode) ? ReadLocalTime(yaml, toNode, $"{what} to", zone) : null;
            var reason = entries.TryGetValue("reason", out var reasonNode) ? yaml.Text(reasonNode, $"{what} reason")?.Trim() : null;
            string? shift = null;
            if (entries.TryGetValue("shift", out var shiftNode) && yaml.Text(shiftNode, $"{what} shift")?.Trim() is { } shiftName)
            {
                var names = rotation.Shifts.Select(s => s.Name).ToList();
                if (names.Contains(shiftName))
                {
                    shift = shiftName;
                }
                else
                {
                    yaml.Error(shiftNode, $"unknown shift '{shiftName}' in {what}: the rotation has {string.Join(", ", names)}{DidYouMean.Hint(shiftName, names)}");
                    continue;
                }
            }

            if (from is not null && to is not null && to <= from)
            {
                yaml.Error(toNode!, $"{what}: to ({Roster.Format(to.Value, zone)}) must be after from ({Roster.Format(from.Value, zone)})");
                continue;
            }

            if (person is not null && from is not null && to is not null)
            {
                overrides.Add(new RosterOverride(person, from.Value, to.Value, shift, reason));
            }
        }

        return overrides;
    }

    /// <summary>"2026-10-01 09:30" on the team's wall clock; null after an error.</summary>
    private static DateTimeOffset? ReadLocalTime(RuleYaml yaml, YamlNode node, string what, TimeZoneInfo zone)
    {
        var text = yaml.Text(node, what)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return WallClock.ToInstant(local, zone);
        }

        yaml.Error(node, $"{what} must be a time on the team's wall clock like 2026-10-01 09:30, not '{text}'");
        return null;
    }
}
