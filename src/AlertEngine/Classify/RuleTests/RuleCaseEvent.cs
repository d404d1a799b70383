using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// The event of a case: the fields written under <c>event:</c> over a default problem event, or
/// over a webhook body read from <c>event_file:</c> (a path relative to the case file). A field
/// left out keeps its default: server <c>main</c>, event and trigger id 1, severity
/// not_classified, event name "Test event", host <c>test-host</c>, no groups or tags, clock
/// Wednesday 2026-01-07 10:00 in the team's time zone.
/// </summary>
internal static class RuleCaseEvent
{
    public const string DefaultServer = "main";

    public static readonly string[] Keys =
        ["server", "event_id", "trigger_id", "severity", "event_name", "host", "host_name", "host_groups", "tags", "suppressed", "clock"];

    private static readonly string[] TagKeys = ["tag", "value"];

    /// <summary>The default event's clock on the team's wall clock: a Wednesday in business hours.</summary>
    public static DateTimeOffset DefaultClock(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = new DateTime(2026, 1, 7, 10, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static ZabbixEvent Default(TimeZoneInfo zone) => new()
    {
        Server = DefaultServer,
        EventId = "1",
        Kind = EventKind.Problem,
        Severity = 0,
        EventName = "Test event",
        TriggerId = "1",
        Host = "test-host",
        HostName = "test-host",
        ProblemAt = DefaultClock(zone),
    };

    /// <summary>
    /// Reads a webhook body (as samples/zabbix/payloads/problem.json) for the case; null after an
    /// error naming the file and the field.
    /// </summary>
    public static ZabbixEvent? ReadFile(RuleYaml yaml, YamlNode node, string caseFile, string server)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var relative = yaml.Text(node, "event_file")?.Trim();
        if (relative is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetDirectoryName(caseFile) ?? "", relative);
        if (!File.Exists(path))
        {
            yaml.Error(node, $"event_file '{relative}' not found (looked for {Path.GetFullPath(path)}; the path is relative to the case file)");
            return null;
        }

        var parsed = ZabbixWebhookPayload.Parse(server, File.ReadAllBytes(path));
        foreach (var error in parsed.Errors)
        {
            yaml.Error(node, $"event_file '{relative}' is not a webhook body: {error}");
        }

        return parsed.Event;
    }

    /// <summary>The fields under <c>event:</c> written over <paramref name="e"/>; unknown keys are errors.</summary>
    public static ZabbixEvent Read(RuleYaml yaml, YamlNode node, ZabbixEvent e, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(e);
        var entries = yaml.Mapping(node, "event", Keys);
        if (entries is null)
        {
            return e;
        }

        foreach (var (key, value) in entries)
        {
            e = key switch
            {
                "severity" => ReadSeverity(yaml, value) is { } severity ? e with { Severity = severity } : e,
                "host" => Text(yaml, value, key) is { } host ? e with { Host = host, HostName = entries.ContainsKey("host_name") ? e.HostName : host } : e,
                "host_groups" => e with { HostGroups = [.. RuleYaml.OneOrMany(value).Select(g => yaml.Text(g, "host group")).OfType<string>()] },
                "tags" => e with { Tags = ReadTags(yaml, value) },
                "suppressed" => e with { Suppressed = yaml.Flag(value, "event suppressed") },
                "clock" => ReadClock(yaml, value, zone) is { } clock ? e with { ProblemAt = clock } : e,
                _ => Text(yaml, value, key) is { } text ? Set(e, key, text) : e,
            };
        }

        return e;
    }

    /// <summary>A case's <c>at:</c> or an event's <c>clock:</c>; null after an error.</summary>
    public static DateTimeOffset? ReadClock(RuleYaml yaml, YamlNode node, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var text = yaml.Text(node, "time");
        if (text is null)
        {
            return null;
        }

        if (RuleInstant.TryParse(text, zone, out var instant))
        {
            return instant;
        }

        yaml.Error(node, $"'{text}' is not a time: use {RuleInstant.Accepted}");
        return null;
    }

    private static ZabbixEvent Set(ZabbixEvent e, string key, string text) => key switch
    {
        "server" => e with { Server = text },
        "event_id" => e with { EventId = text },
        "trigger_id" => e with { TriggerId = text },
        "event_name" => e with { EventName = text },
        _ => e with { HostName = text },
    };

    private static string? Text(RuleYaml yaml, YamlNode node, string key) => yaml.Text(node, $"event {key}")?.Trim();

    private static int? ReadSeverity(RuleYaml yaml, YamlNode node) => SeverityMatcher.ReadOne(yaml, node, "event severity");

    /// <summary><c>{ customer: nc }</c> or a list of <c>{ tag, value }</c>.</summary>
    private static List<EventTag> ReadTags(RuleYaml yaml, YamlNode node)
    {
        var tags = new List<EventTag>();
        if (node is YamlMappingNode mapping)
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (yaml.Text(keyNode, "tag name") is { } tag)
                {
                    tags.Add(new EventTag(tag, (valueNode as YamlScalarNode)?.Value ?? ""));
                }
            }

            return tags;
        }

        foreach (var item in yaml.List(node, "event tags (or a mapping tag: value)"))
        {
            var entries = yaml.Mapping(item, "a tag", TagKeys);
            if (entries is null)
            {
                continue;
            }

            if (!entries.TryGetValue("tag", out var tagNode))
            {
                yaml.Error(item, "a tag needs tag (and optionally value)");
                continue;
            }

            var value = entries.TryGetValue("value", out var valueNode) ? (valueNode as YamlScalarNode)?.Value ?? "" : "";
            if (yaml.Text(tagNode, "tag") is { } tagName)
            {
                tags.Add(new EventTag(tagName, value));
            }
        }

        return tags;
    }
}
