using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>Reads <c>settings:</c> (at most once in the folder) and <c>teams:</c> into <see cref="RuleSettings"/>.</summary>
internal sealed class RuleSettingsReader
{
    private static readonly string[] SettingsKeys = ["time_zone", "default_team", "business_hours"];
    private static readonly string[] HoursKeys = ["weekdays", "from", "to"];
    private static readonly string[] TeamKeys = ["time_zone", "description"];

    private readonly Dictionary<string, (TimeZoneInfo? Zone, string Where)> _teams = new(StringComparer.Ordinal);
    private string? _settingsWhere;
    private TimeZoneInfo? _zone;
    private (string Team, RuleYaml Yaml, YamlNode Node)? _defaultTeam;
    private WeeklyWindow? _hours;

    public void ReadSettings(RuleYaml yaml, YamlNode node)
    {
        if (_settingsWhere is not null)
        {
            yaml.Error(node, $"settings are already given at {_settingsWhere}: keep them in one file");
            return;
        }

        _settingsWhere = $"{yaml.File}:{RuleYaml.Line(node)}";
        var entries = yaml.Mapping(node, "settings", SettingsKeys);
        if (entries is null)
        {
            return;
        }

        if (entries.TryGetValue("time_zone", out var zoneNode))
        {
            _zone = RuleTimeZone.Read(yaml, zoneNode, "settings time_zone");
        }

        if (entries.TryGetValue("default_team", out var teamNode) && yaml.Text(teamNode, "settings default_team") is { } team)
        {
            _defaultTeam = (team.Trim(), yaml, teamNode);
        }

        if (entries.TryGetValue("business_hours", out var hoursNode) && yaml.Mapping(hoursNode, "settings business_hours", HoursKeys) is { } hours)
        {
            var (window, failed) = TimeWindowMatcher.ReadWindow(yaml, hoursNode, hours, "business_hours", required: true);
            if (!failed && window!.WrapsMidnight)
            {
                yaml.Error(hoursNode, "business_hours must end on the day they start (to after from)");
            }
            else if (!failed)
            {
                _hours = window;
            }
        }
    }

    public void ReadTeams(RuleYaml yaml, YamlNode node)
    {
        if (node is not YamlMappingNode teams)
        {
            yaml.Error(node, "teams must be a mapping of team name: { time_zone, description }");
            return;
        }

        foreach (var (keyNode, value) in teams.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                yaml.Error(keyNode, "team names must be plain words");
                continue;
            }

            if (_teams.TryGetValue(name, out var earlier))
            {
                yaml.Error(keyNode, $"team '{name}' is already declared at {earlier.Where}");
                continue;
            }

            TimeZoneInfo? zone = null;
            if (value is not YamlScalarNode { Value: null or "" })
            {
                var entries = yaml.Mapping(value, $"team '{name}'", TeamKeys);
                if (entries is not null && entries.TryGetValue("time_zone", out var zoneNode))
                {
                    zone = RuleTimeZone.Read(yaml, zoneNode, $"team '{name}' time_zone");
                }
            }

            _teams[name] = (zone, $"{yaml.File}:{RuleYaml.Line(keyNode)}");
        }
    }

    /// <summary>The settings, with defaults for what the folder does not say; checks the default team is declared.</summary>
    public RuleSettings Build(HolidayFiles? holidays = null)
    {
        var defaults = RuleSettings.Defaults();
        var zone = _zone ?? defaults.TimeZone;
        var defaultTeam = _defaultTeam?.Team ?? defaults.DefaultTeam;
        var teams = _teams.ToDictionary(t => t.Key, t => t.Value.Zone ?? zone, StringComparer.Ordinal);
        if (_defaultTeam is { } given && _teams.Count > 0 && !_teams.ContainsKey(given.Team))
        {
            given.Yaml.Error(given.Node, $"default_team '{given.Team}' is not declared under teams{DidYouMean.Hint(given.Team, _teams.Keys)}");
        }

        teams.TryAdd(defaultTeam, zone);
        var hours = _hours ?? defaults.BusinessHours;
        holidays?.CheckWorkingDays(hours);
        return new RuleSettings(zone, defaultTeam, hours, teams, holidays);
    }
}
