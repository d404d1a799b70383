using AlertEngine.Tickets;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// The syntax of one rule file: top-level <c>rules:</c>, <c>maintenance:</c>, <c>settings:</c>,
/// <c>teams:</c>, <c>sla:</c>, <c>oncall:</c> and <c>escalation:</c>, and the keys of a rule. See rules/README.md for the reference.
/// </summary>
internal static class RuleFile
{
    public static readonly string[] TopKeys = ["rules", "maintenance", "settings", "teams", "sla", "oncall", "escalation"];
    public static readonly string[] RuleKeys = ["name", "description", "match", "level", "customer", "team", "correlate_by", "recurrence", "flapping", "page", "labels", "ignore", "continue"];
    private static readonly string[] ResultKeys = ["level", "customer", "team", "correlate_by", "recurrence", "flapping", "page", "labels", "ignore"];
    private static readonly string[] RecurrenceKeys = ["count", "within", "quiet"];
    private static readonly string[] FlappingKeys = ["within"];

    /// <summary>The top-level entries of a file; null when it is not YAML or not a mapping (errors recorded).</summary>
    public static Dictionary<string, YamlNode>? ReadTop(RuleYaml yaml, string text)
    {
        var root = yaml.Load(text, "rule file");
        return root switch
        {
            null => null,
            YamlScalarNode { Value: null or "" } => [],
            _ => yaml.Mapping(root, "a rule file", TopKeys),
        };
    }

    /// <summary>Reads one rule; the team it names is returned for the folder-wide check.</summary>
    public static Rule? ReadRule(RuleYaml yaml, YamlNode node, out (string Team, YamlNode Node)? teamReference)
    {
        teamReference = null;
        var errorsBefore = yaml.Errors.Count;
        var entries = yaml.Mapping(node, "a rule", RuleKeys);
        if (entries is null)
        {
            return null;
        }

        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, "rule name") : null;
        if (nameNode is null)
        {
            yaml.Error(node, "rule needs a name");
        }

        var match = entries.TryGetValue("match", out var matchNode) ? RuleMatcher.Read(yaml, matchNode, "match", allowTime: true) : RuleMatcher.Everything;
        var results = ReadResults(yaml, entries, out var failed);
        var proceed = entries.TryGetValue("continue", out var continueNode) ? yaml.Flag(continueNode, "continue") : false;
        if (!entries.Keys.Intersect(ResultKeys).Any())
        {
            // After another error (e.g. a misspelt key) this one would only repeat it.
            if (yaml.Errors.Count == errorsBefore)
            {
                yaml.Error(node, $"rule '{name}' sets nothing: give at least one of {string.Join(", ", ResultKeys)}");
            }

            failed = true;
        }

        if (entries.TryGetValue("team", out var teamNode) && results.Team is not null)
        {
            teamReference = (results.Team, teamNode);
        }

        if (match is not null)
        {
            foreach (var template in results.Templates)
            {
                foreach (var capture in template.CaptureNames.Where(c => !match.CaptureNames.Contains(c)))
                {
                    yaml.Error(node, $"rule '{name}': '{{match.{capture}}}' in '{template.Source}' needs a regex with a (?<{capture}>...) group in its match");
                    failed = true;
                }
            }
        }

        return name is null || match is null || proceed is null || failed
            ? null
            : new Rule(name, yaml.File, RuleYaml.Line(node), match, results, proceed.Value);
    }

    private static RuleResults ReadResults(RuleYaml yaml, Dictionary<string, YamlNode> entries, out bool failed)
    {
        var errorsBefore = yaml.Errors.Count;
        var results = new RuleResults
        {
            Level = entries.TryGetValue("level", out var level) ? ReadLevel(yaml, level) : null,
            Customer = entries.TryGetValue("customer", out var customer) ? RuleTemplate.Read(yaml, customer, "customer") : null,
            Team = entries.TryGetValue("team", out var team) ? yaml.Text(team, "team")?.Trim() : null,
            CorrelateBy = entries.TryGetValue("correlate_by", out var key) ? RuleTemplate.Read(yaml, key, "correlate_by") : null,
            Recurrence = entries.TryGetValue("recurrence", out var recurrence) ? ReadRecurrence(yaml, recurrence) : null,
            Flapping = entries.TryGetValue("flapping", out var flapping) ? ReadFlapping(yaml, flapping) : null,
            Page = entries.TryGetValue("page", out var page) ? ReadPage(yaml, page) : null,
            Labels = entries.TryGetValue("labels", out var labels) ? ReadLabels(yaml, labels) : new Dictionary<string, RuleTemplate>(),
            Ignore = entries.TryGetValue("ignore", out var ignore) ? yaml.Flag(ignore, "ignore") : null,
        };
        failed = yaml.Errors.Count > errorsBefore;
        return results;
    }

    /// <summary>L1–L4 (or 1–4); null after an error with a did-you-mean.</summary>
    public static SupportLevel? ReadLevel(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "level")?.Trim();
        switch (text?.ToUpperInvariant())
        {
            case null:
                return null;
            case "L1" or "1":
                return SupportLevel.L1;
            case "L2" or "2":
                return SupportLevel.L2;
            case "L3" or "3":
                return SupportLevel.L3;
            case "L4" or "4":
                return SupportLevel.L4;
            default:
                yaml.Error(node, $"unknown level '{text}': use L1, L2, L3 or L4");
                return null;
        }
    }

    /// <summary>now, business_hours or never; null after an error.</summary>
    public static PagePolicy? ReadPage(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "page");
        if (text is null)
        {
            return null;
        }

        if (PagePolicyNames.TryParse(text, out var policy))
        {
            return policy;
        }

        yaml.Error(node, $"unknown page policy '{text}': use now, business_hours or never{DidYouMean.Hint(text, PagePolicyNames.All)}");
        return null;
    }

    /// <summary><c>off</c> or <c>{ count, within, quiet }</c> (quiet optional); null after an error.</summary>
    public static RecurrencePolicy? ReadRecurrence(RuleYaml yaml, YamlNode node)
    {
        if (IsOff(node))
        {
            return RecurrencePolicy.Off;
        }

        var entries = yaml.Mapping(node, "recurrence (or 'off')", RecurrenceKeys);
        if (entries is null)
        {
            return null;
        }

        if (!entries.TryGetValue("count", out var countNode) || !entries.TryGetValue("within", out var withinNode))
        {
            yaml.Error(node, "recurrence needs count and within, e.g. { count: 3, within: 24h }");
            return null;
        }

        var count = yaml.Count(countNode, "recurrence count", 1000);
        var within = yaml.Duration(withinNode, "recurrence within");
        var quietNode = entries.GetValueOrDefault("quiet");
        var quiet = quietNode is null ? null : yaml.Duration(quietNode, "recurrence quiet");
        if (count == 1)
        {
            yaml.Error(countNode, "recurrence count must be at least 2: one ticket is not a recurrence");
            return null;
        }

        return count is null || within is null || (quietNode is not null && quiet is null)
            ? null
            : new RecurrencePolicy(count.Value, within.Value) { QuietSet = quiet };
    }

    /// <summary><c>off</c> or <c>{ within }</c>; null after an error.</summary>
    public static FlappingPolicy? ReadFlapping(RuleYaml yaml, YamlNode node)
    {
        if (IsOff(node))
        {
            return FlappingPolicy.Off;
        }

        var entries = yaml.Mapping(node, "flapping (or 'off')", FlappingKeys);
        if (entries is null)
        {
            return null;
        }

        if (!entries.TryGetValue("within", out var withinNode))
        {
            yaml.Error(node, "flapping needs within, e.g. { within: 15m }, or 'off'");
            return null;
        }

        return yaml.Duration(withinNode, "flapping within") is { } within ? new FlappingPolicy(within) : null;
    }

    private static bool IsOff(YamlNode node) =>
        node is YamlScalarNode { Value: { } word } && word.Trim().ToLowerInvariant() is "off" or "false" or "no" or "none";

    private static Dictionary<string, RuleTemplate> ReadLabels(RuleYaml yaml, YamlNode node)
    {
        var labels = new Dictionary<string, RuleTemplate>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, "labels must be a mapping of name: value");
            return labels;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(key))
            {
                yaml.Error(keyNode, "label names must be plain words");
                continue;
            }

            var value = RuleTemplate.Read(yaml, valueNode, $"label '{key}'");
            if (value is not null)
            {
                labels[key] = value;
            }
        }

        return labels;
    }
}
