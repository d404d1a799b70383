using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// The syntax of one rules test file: a top-level <c>cases:</c> list; each case has a
/// <c>name</c>, an <c>event</c> and/or <c>event_file</c>, an optional <c>at</c> and an
/// <c>expect</c>. Validated like rule files: unknown keys (with a did-you-mean) and bad values
/// are errors with file, line and column, and every error is reported.
/// </summary>
internal static class RuleCaseFile
{
    public static readonly string[] TopKeys = ["cases"];
    public static readonly string[] CaseKeys = ["name", "event", "event_file", "at", "expect"];

    /// <summary>Reads the cases of one file; the errors go to <paramref name="yaml"/>.</summary>
    public static List<RuleCase> Read(RuleYaml yaml, string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var cases = new List<RuleCase>();
        var root = yaml.Load(text, "case file");
        if (root is null)
        {
            return cases;
        }

        var top = yaml.Mapping(root, "a case file", TopKeys);
        if (top is null)
        {
            return cases;
        }

        if (!top.TryGetValue("cases", out var list))
        {
            yaml.Error(root, "a case file needs a cases: list");
            return cases;
        }

        foreach (var node in yaml.List(list, "cases"))
        {
            var errorsBefore = yaml.Errors.Count;
            var c = ReadCase(yaml, node, zone);
            if (c is not null && yaml.Errors.Count == errorsBefore)
            {
                cases.Add(c);
            }
        }

        return cases;
    }

    private static RuleCase? ReadCase(RuleYaml yaml, YamlNode node, TimeZoneInfo zone)
    {
        var entries = yaml.Mapping(node, "a case", CaseKeys);
        if (entries is null)
        {
            return null;
        }

        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, "case name")?.Trim() : null;
        if (nameNode is null)
        {
            yaml.Error(node, "a case needs a name: say what it checks");
        }

        var e = RuleCaseEvent.Default(zone);
        var hasFile = entries.TryGetValue("event_file", out var fileNode);
        var hasEvent = entries.TryGetValue("event", out var eventNode);
        if (!hasFile && !hasEvent)
        {
            yaml.Error(node, $"case '{name}' needs an event (or an event_file)");
        }

        if (hasFile)
        {
            // The server is not in a webhook body (it is the URL's); the case's event may name it.
            var server = eventNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("server"), out var s) && s is YamlScalarNode { Value: { Length: > 0 } serverName }
                ? serverName.Trim()
                : RuleCaseEvent.DefaultServer;
            e = RuleCaseEvent.ReadFile(yaml, fileNode!, yaml.File, server) ?? e;
        }

        if (hasEvent)
        {
            e = RuleCaseEvent.Read(yaml, eventNode!, e, zone);
        }

        var at = entries.TryGetValue("at", out var atNode) ? RuleCaseEvent.ReadClock(yaml, atNode, zone) : null;
        if (!entries.TryGetValue("expect", out var expectNode))
        {
            yaml.Error(node, $"case '{name}' needs an expect: the outcome to check");
            return null;
        }

        var expect = RuleCaseKeys.Read(yaml, expectNode);
        return name is null ? null : new RuleCase(name, yaml.File, RuleYaml.Line(node), RuleYaml.Column(node), e, at, expect);
    }
}
