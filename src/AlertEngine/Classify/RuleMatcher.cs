using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// A rule's (or maintenance window's) <c>match:</c> block, compiled once per load. Every key
/// given must match; a list under a key means any of its items (for <c>tag</c>: each item).
/// No <c>match:</c> at all matches every event. Cheap matchers run first.
/// </summary>
internal sealed class RuleMatcher
{
    public static readonly string[] Keys = ["server", "severity", "event_name", "host", "host_group", "tag", "customer", "time"];

    /// <summary>Every severity 0–5, and bit 6 for a number outside them (which only a block without a severity condition matches).</summary>
    public const int AnySeverity = 0b111_1111;

    private readonly IEventMatcher[] _matchers;

    private RuleMatcher(IEventMatcher[] matchers)
    {
        _matchers = [.. matchers.OrderBy(m => m.Cost)];
        CaptureNames = _matchers.OfType<FieldMatcher>()
            .SelectMany(m => m.Patterns)
            .Where(p => p.Regex is not null)
            .SelectMany(p => p.Regex!.GetGroupNames().Where(n => !int.TryParse(n, out _)))
            .ToHashSet(StringComparer.Ordinal);
        Severities = _matchers.OfType<SeverityMatcher>().Aggregate(AnySeverity, (mask, m) => mask & m.Allowed);
    }

    public static RuleMatcher Everything { get; } = new([]);

    /// <summary>The named regex groups this block can capture, for <c>{match.NAME}</c>.</summary>
    public IReadOnlySet<string> CaptureNames { get; }

    /// <summary>
    /// The severities the block can match (see <see cref="AnySeverity"/>): an event of any other
    /// severity fails its severity condition, so the rule set need not try the block at all.
    /// </summary>
    public int Severities { get; }

    public bool Matches(RuleInput input)
    {
        foreach (var matcher in _matchers)
        {
            if (!matcher.Matches(input))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why the input does not match (the first failing condition), or null when it matches.</summary>
    public string? Mismatch(RuleInput input) => _matchers.FirstOrDefault(m => !m.Matches(input))?.Mismatch(input);

    /// <summary>The named groups captured by the block's regexes for this input.</summary>
    public Dictionary<string, string> Captures(RuleInput input)
    {
        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var matcher in _matchers.OfType<FieldMatcher>())
        {
            matcher.AddCaptures(input, captures);
        }

        return captures;
    }

    public static RuleMatcher? Read(RuleYaml yaml, YamlNode node, string what, bool allowTime)
    {
        var keys = allowTime ? Keys : Keys.Where(k => k != "time").ToArray();
        var entries = yaml.Mapping(node, what, keys);
        if (entries is null)
        {
            return null;
        }

        var matchers = new List<IEventMatcher>();
        var ok = true;
        foreach (var (key, value) in entries)
        {
            IEventMatcher? matcher = key switch
            {
                "severity" => SeverityMatcher.Read(yaml, value),
                "tag" => TagMatcher.Read(yaml, value),
                "time" => TimeWindowMatcher.Read(yaml, value),
                _ => ReadField(yaml, key, value),
            };
            ok &= matcher is not null;
            if (matcher is not null)
            {
                matchers.Add(matcher);
            }
        }

        return ok ? new RuleMatcher([.. matchers]) : null;
    }

    private static FieldMatcher? ReadField(RuleYaml yaml, string key, YamlNode node)
    {
        var patterns = new List<TextPattern>();
        var ok = true;
        foreach (var item in RuleYaml.OneOrMany(node))
        {
            var pattern = TextPattern.Read(yaml, item, key);
            ok &= pattern is not null;
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        if (!ok || patterns.Count == 0)
        {
            if (ok)
            {
                yaml.Error(node, $"{key} lists no pattern");
            }

            return null;
        }

        return key switch
        {
            "server" => new FieldMatcher(key, patterns, static i => new FieldValues(i.Event.Server), 1),
            "customer" => new FieldMatcher(key, patterns, static i => new FieldValues(i.Customer), 1),
            "host" => new FieldMatcher(key, patterns, static i => new FieldValues(i.Event.Host, i.Event.HostName), 3),
            "host_group" => new FieldMatcher("host group", patterns, static i => new FieldValues(null, null, i.Event.HostGroups), 3),
            _ => new FieldMatcher("event name", patterns, static i => new FieldValues(i.Event.EventName), 4),
        };
    }
}
