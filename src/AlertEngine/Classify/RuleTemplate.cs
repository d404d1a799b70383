using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// A value built from event fields, e.g. <c>"{server}:trigger:{trigger_id}"</c> or
/// <c>"{match.customer|lower}"</c>. Fields: server, event_id, trigger_id, event_name, host,
/// host_name, severity, customer, team, <c>tag.NAME</c> (the event's tag), <c>match.NAME</c> (a named
/// group of a regex in the rule's match). Filters: lower, upper, trim. A missing value is empty.
/// </summary>
internal sealed class RuleTemplate
{
    public static readonly string[] Fields = ["server", "event_id", "trigger_id", "event_name", "host", "host_name", "severity", "customer", "team"];
    private static readonly string[] Filters = ["lower", "upper", "trim"];

    private readonly Part[] _parts;

    private RuleTemplate(string source, Part[] parts)
    {
        Source = source;
        _parts = parts;
    }

    public string Source { get; }

    /// <summary>The <c>match.NAME</c> names the template uses.</summary>
    public IEnumerable<string> CaptureNames => _parts.Where(p => p.Field == "match").Select(p => p.Name!);

    public bool UsesCaptures => _parts.Any(p => p.Field == "match");

    public static RuleTemplate Literal(string text) => new(text, [new Part(text, null, null, [])]);

    public static RuleTemplate? Read(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, what);
        return text is null ? null : Parse(yaml, node, text, what);
    }

    public static RuleTemplate? Parse(RuleYaml yaml, YamlNode node, string text, string what)
    {
        var parts = new List<Part>();
        var at = 0;
        var ok = true;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var stray = text.IndexOf('}', at);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                yaml.Error(node, $"{what}: '}}' without '{{' in '{text}'");
                return null;
            }

            if (open < 0)
            {
                parts.Add(new Part(text[at..], null, null, []));
                break;
            }

            if (open > at)
            {
                parts.Add(new Part(text[at..open], null, null, []));
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                yaml.Error(node, $"{what}: '{{' without '}}' in '{text}'");
                return null;
            }

            var field = ReadField(yaml, node, text[(open + 1)..close].Trim(), what);
            ok &= field is not null;
            if (field is not null)
            {
                parts.Add(field);
            }

            at = close + 1;
        }

        return ok ? new RuleTemplate(text, [.. parts]) : null;
    }

    private static Part? ReadField(RuleYaml yaml, YamlNode node, string inside, string what)
    {
        var pieces = inside.Split('|', StringSplitOptions.TrimEntries);
        var name = pieces[0];
        var filters = pieces[1..];
        foreach (var filter in filters)
        {
            if (!Filters.Contains(filter))
            {
                yaml.Error(node, $"{what}: unknown filter '{filter}' in '{{{inside}}}': use lower, upper or trim{DidYouMean.Hint(filter, Filters)}");
                return null;
            }
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && name[..dot] is "tag" or "match" && dot < name.Length - 1)
        {
            return new Part(null, name[..dot], name[(dot + 1)..], filters);
        }

        if (Fields.Contains(name))
        {
            return new Part(null, name, null, filters);
        }

        yaml.Error(node, $"{what}: unknown field '{{{name}}}': use {string.Join(", ", Fields)}, tag.NAME or match.NAME{DidYouMean.Hint(name, Fields)}");
        return null;
    }

    public string Render(RuleInput input, IReadOnlyDictionary<string, string>? captures)
    {
        if (_parts.Length == 1 && _parts[0].Literal is { } only)
        {
            return only;
        }

        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part.Literal ?? part.Value(input, captures));
        }

        return text.ToString();
    }

    private sealed record Part(string? Literal, string? Field, string? Name, string[] Filters)
    {
        public string Value(RuleInput input, IReadOnlyDictionary<string, string>? captures)
        {
            var e = input.Event;
            var value = Field switch
            {
                "server" => e.Server,
                "event_id" => e.EventId,
                "trigger_id" => e.TriggerId,
                "event_name" => e.EventName,
                "host" => e.Host,
                "host_name" => e.HostName ?? e.Host,
                "severity" => ZabbixSeverity.NameOf(e.Severity),
                "customer" => input.Customer,
                "team" => input.TeamOrDefault,
                "tag" => e.TagValue(Name!),
                "match" => captures is not null && captures.TryGetValue(Name!, out var captured) ? captured : null,
                _ => null,
            } ?? "";
            foreach (var filter in Filters)
            {
                value = filter switch
                {
                    "lower" => value.ToLower(CultureInfo.InvariantCulture),
                    "upper" => value.ToUpper(CultureInfo.InvariantCulture),
                    _ => value.Trim(),
                };
            }

            return value;
        }
    }
}
