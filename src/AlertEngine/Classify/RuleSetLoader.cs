using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Loads a rules folder as a whole: every <c>*.yaml</c> directly in it, in name order, and the
/// holiday files in its <c>holidays/</c> folder (<c>holidays/2026.yaml</c>). The set
/// is validated whole (unknown keys, bad regexes, unknown levels, teams, people and time zones,
/// duplicate names, impossible windows, shifts that overlap or leave gaps) and either every error is returned or a compiled
/// <see cref="RuleSet"/>: never half a set.
/// </summary>
public static class RuleSetLoader
{
    private const string EmbeddedPrefix = "rules/";

    public static RuleSetLoad LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var sources = ReadFolder(folder, out var error);
        return error is not null ? new RuleSetLoad(null, [error]) : Load(sources);
    }

    /// <summary>The rule files of a folder in name order, or an error when there is none to read.</summary>
    public static IReadOnlyList<RuleSource> ReadFolder(string folder, out RuleError? error)
    {
        ArgumentNullException.ThrowIfNull(folder);
        error = null;
        if (!Directory.Exists(folder))
        {
            error = new RuleError(folder, 0, 0, "rules folder not found");
            return [];
        }

        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            error = new RuleError(folder, 0, 0, "no *.yaml rule files in the rules folder");
            return [];
        }

        var holidayFolder = Path.Combine(folder, HolidayFiles.Folder);
        string[] holidays = Directory.Exists(holidayFolder) ? [.. Directory.GetFiles(holidayFolder, "*.yaml").Order(StringComparer.Ordinal)] : [];
        return [.. files.Select(f => new RuleSource(Path.Combine(folder, Path.GetFileName(f)), File.ReadAllText(f))),
            .. holidays.Select(f => new RuleSource(Path.Combine(folder, HolidayFiles.Folder, Path.GetFileName(f)), File.ReadAllText(f)))];
    }

    /// <summary>The rules shipped in the repository's rules/ folder, built into the engine, in the order <see cref="ReadFolder"/> gives them (the folder's files, then the holiday files).</summary>
    public static IReadOnlyList<RuleSource> EmbeddedDefaults()
    {
        var assembly = typeof(RuleSetLoader).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(HolidayFiles.IsHolidayFile)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => new RuleSource($"(built-in) {n}", ReadResource(assembly, n)))];
    }

    public static RuleSetLoad Load(IReadOnlyList<RuleSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var files = sources.Select(s => (Yaml: new RuleYaml(s.Name), Top: (Dictionary<string, YamlNode>?)null)).ToList();
        var holidays = new HolidayFiles();
        for (var i = 0; i < files.Count; i++)
        {
            if (HolidayFiles.IsHolidayFile(sources[i].Name))
            {
                holidays.Read(files[i].Yaml, sources[i].Text);
                continue;
            }

            files[i] = (files[i].Yaml, RuleFile.ReadTop(files[i].Yaml, sources[i].Text));
        }

        // Settings and teams first: windows and rules need the time zone and the team names.
        var settingsReader = new RuleSettingsReader();
        foreach (var (yaml, top) in files)
        {
            if (top?.TryGetValue("settings", out var settings) == true)
            {
                settingsReader.ReadSettings(yaml, settings);
            }

            if (top?.TryGetValue("teams", out var teams) == true)
            {
                settingsReader.ReadTeams(yaml, teams);
            }
        }

        var ruleSettings = settingsReader.Build(holidays);
        var sla = new SlaSection(ruleSettings.Calendar.BusinessDay);

        // The roster before the escalation policies: their person: targets name its people.
        var oncall = new OncallSection(ruleSettings);
        foreach (var (yaml, top) in files)
        {
            if (top?.TryGetValue("oncall", out var oncallNode) == true)
            {
                oncall.Read(yaml, oncallNode);
            }
        }

        var escalation = new EscalationSection(oncall.PersonIds);
        var rules = new List<Rule>();
        var windows = new List<MaintenanceWindow>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var windowNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (yaml, top) in files)
        {
            if (top?.TryGetValue("rules", out var ruleList) == true)
            {
                foreach (var node in yaml.List(ruleList, "rules"))
                {
                    var rule = RuleFile.ReadRule(yaml, node, out var team);
                    CheckTeam(yaml, team, ruleSettings);
                    if (rule is not null && Unique(yaml, node, names, rule.Name, rule.Where, "rule"))
                    {
                        rules.Add(rule);
                    }
                }
            }

            if (top?.TryGetValue("sla", out var slaNode) == true)
            {
                sla.Read(yaml, slaNode);
            }

            if (top?.TryGetValue("escalation", out var escalationNode) == true)
            {
                escalation.Read(yaml, escalationNode);
            }

            if (top?.TryGetValue("maintenance", out var windowList) == true)
            {
                foreach (var node in yaml.List(windowList, "maintenance"))
                {
                    var window = MaintenanceWindow.Read(yaml, node, ruleSettings.TimeZone);
                    if (window is not null && Unique(yaml, node, windowNames, window.Name, window.Where, "maintenance window"))
                    {
                        windows.Add(window);
                    }
                }
            }
        }

        var errors = files.SelectMany(f => f.Yaml.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)).ToList();
        return errors.Count > 0
            ? new RuleSetLoad(null, errors)
            : new RuleSetLoad(new RuleSet(rules, windows, ruleSettings, sla.Build(), [.. sources.Select(s => s.Name)])
            {
                Roster = oncall.Build(),
                Escalation = escalation.Build(),
            }, []);
    }

    private static void CheckTeam(RuleYaml yaml, (string Team, YamlNode Node)? reference, RuleSettings settings)
    {
        if (reference is { } r && !settings.Teams.ContainsKey(r.Team))
        {
            yaml.Error(r.Node, $"unknown team '{r.Team}': declare it under teams{DidYouMean.Hint(r.Team, settings.Teams.Keys)}");
        }
    }

    private static bool Unique(RuleYaml yaml, YamlNode node, Dictionary<string, string> seen, string name, string where, string what)
    {
        if (seen.TryGetValue(name, out var first))
        {
            yaml.Error(node, $"duplicate {what} name '{name}': already used at {first}");
            return false;
        }

        seen[name] = where;
        return true;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
