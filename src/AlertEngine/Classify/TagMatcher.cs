using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Matches event tags. Each entry must match: <c>service</c> (the tag is there),
/// <c>service=backup</c> or <c>{ key: service, value: backup }</c> (that value, any case),
/// <c>{ key: service, regex: '^back' }</c> (a regex on the value).
/// </summary>
internal sealed class TagMatcher(IReadOnlyList<TagCondition> conditions) : IEventMatcher
{
    private static readonly string[] Keys = ["key", "value", "regex"];

    public int Cost => 2;

    private readonly TagCondition[] _conditions = [.. conditions];

    public IReadOnlyList<TagCondition> Conditions => _conditions;

    public bool Matches(RuleInput input)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (!_conditions[i].Matches(input))
            {
                return false;
            }
        }

        return true;
    }

    public string Mismatch(RuleInput input)
    {
        var failed = Conditions.First(c => !c.Matches(input));
        var tags = input.Event.Tags;
        var have = tags.Count == 0 ? "the event has no tags" : $"tags are {string.Join(", ", tags.Select(t => $"{t.Tag}={t.Value}"))}";
        return $"no tag {failed.Description}: {have}";
    }

    public static TagMatcher? Read(RuleYaml yaml, YamlNode node)
    {
        var conditions = new List<TagCondition>();
        var ok = true;
        foreach (var item in RuleYaml.OneOrMany(node))
        {
            var condition = item is YamlMappingNode ? FromMapping(yaml, item) : FromText(yaml, item);
            ok &= condition is not null;
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        return ok && conditions.Count > 0 ? new TagMatcher(conditions) : null;
    }

    private static TagCondition? FromText(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "tag");
        if (text is null)
        {
            return null;
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = (equals < 0 ? text : text[..equals]).Trim();
        if (key.Length == 0)
        {
            yaml.Error(node, $"tag '{text}' has no key: write key or key=value");
            return null;
        }

        return equals < 0 ? new TagCondition(key, null, null) : new TagCondition(key, text[(equals + 1)..].Trim(), null);
    }

    private static TagCondition? FromMapping(RuleYaml yaml, YamlNode node)
    {
        var entries = yaml.Mapping(node, "tag", Keys);
        if (entries is null)
        {
            return null;
        }

        if (!entries.TryGetValue("key", out var keyNode))
        {
            yaml.Error(node, "tag needs a key");
            return null;
        }

        var key = yaml.Text(keyNode, "tag key");
        if (entries.ContainsKey("value") && entries.ContainsKey("regex"))
        {
            yaml.Error(node, "tag takes value or regex, not both");
            return null;
        }

        string? value = null;
        TextPattern? regex = null;
        if (entries.TryGetValue("value", out var valueNode))
        {
            value = yaml.Text(valueNode, "tag value");
            if (value is null)
            {
                return null;
            }
        }
        else if (entries.TryGetValue("regex", out var regexNode))
        {
            regex = TextPattern.ReadRegex(yaml, regexNode, "tag regex");
            if (regex is null)
            {
                return null;
            }
        }

        return key is null ? null : new TagCondition(key, value, regex);
    }
}

/// <summary>One tag condition: the key is there, with this value, or with a value matching the regex.</summary>
internal sealed record TagCondition(string Key, string? Value, TextPattern? Regex)
{
    public string Description => Value is not null ? $"{Key}={Value}" : Regex is not null ? $"{Key} with value matching {Regex.Description}" : Key;

    public bool Matches(RuleInput input)
    {
        var tags = input.Event.Tags;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (!string.Equals(tag.Tag, Key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Value is null && Regex is null)
            {
                return true;
            }

            if (Value is not null ? string.Equals(tag.Value, Value, StringComparison.OrdinalIgnoreCase) : Regex!.IsMatch(tag.Value))
            {
                return true;
            }
        }

        return false;
    }
}
