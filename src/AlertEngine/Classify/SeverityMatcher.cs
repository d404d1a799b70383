using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Matches the event's Zabbix severity: exactly (<c>severity: high</c>), any of a list
/// (<c>[high, disaster]</c>), or a range (<c>{ at_least: average }</c>, <c>{ at_most: warning }</c>,
/// both together). Compiled to a set of the six severities.
/// </summary>
internal sealed class SeverityMatcher(int allowed, string description) : IEventMatcher
{
    private static readonly string[] RangeKeys = ["at_least", "at_most"];

    public int Cost => 0;

    /// <summary>The severities it accepts, one bit per Zabbix number 0–5.</summary>
    public int Allowed => allowed;

    public bool Matches(RuleInput input) => ((allowed >> input.Event.Severity) & 1) == 1 && input.Event.Severity is >= 0 and <= 5;

    public string Mismatch(RuleInput input) =>
        $"severity {ZabbixSeverity.NameOf(input.Event.Severity)} is not {description}";

    public static SeverityMatcher? Read(RuleYaml yaml, YamlNode node)
    {
        if (node is YamlMappingNode)
        {
            var range = yaml.Mapping(node, "severity", RangeKeys);
            if (range is null)
            {
                return null;
            }

            if (range.Count == 0)
            {
                yaml.Error(node, "severity range needs at_least, at_most or both");
                return null;
            }

            var low = range.TryGetValue("at_least", out var lowNode) ? One(yaml, lowNode) : 0;
            var high = range.TryGetValue("at_most", out var highNode) ? One(yaml, highNode) : 5;
            if (low is null || high is null)
            {
                return null;
            }

            if (low > high)
            {
                yaml.Error(node, $"impossible severity range: at least {ZabbixSeverity.NameOf(low.Value)} and at most {ZabbixSeverity.NameOf(high.Value)}");
                return null;
            }

            var mask = 0;
            for (var s = low.Value; s <= high.Value; s++)
            {
                mask |= 1 << s;
            }

            var words = (lowNode, highNode) switch
            {
                (not null, not null) => $"from {ZabbixSeverity.NameOf(low.Value)} to {ZabbixSeverity.NameOf(high.Value)}",
                (not null, null) => $"at least {ZabbixSeverity.NameOf(low.Value)}",
                _ => $"at most {ZabbixSeverity.NameOf(high.Value)}",
            };
            return new SeverityMatcher(mask, words);
        }

        var any = 0;
        var names = new List<string>();
        var ok = true;
        foreach (var item in RuleYaml.OneOrMany(node))
        {
            var severity = One(yaml, item);
            if (severity is null)
            {
                ok = false;
                continue;
            }

            any |= 1 << severity.Value;
            names.Add(ZabbixSeverity.NameOf(severity.Value));
        }

        return ok && any != 0 ? new SeverityMatcher(any, string.Join(" or ", names)) : null;
    }

    private static int? One(RuleYaml yaml, YamlNode node) => ReadOne(yaml, node, "severity");

    /// <summary>One severity written as a name or 0–5; null after an error naming the accepted words.</summary>
    internal static int? ReadOne(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (ZabbixSeverity.TryParse(text, out var severity))
        {
            return severity;
        }

        yaml.Error(node, $"unknown severity '{text}': use {string.Join(", ", ZabbixSeverity.Names)} or 0–5{DidYouMean.Hint(text, ZabbixSeverity.Names)}");
        return null;
    }
}
