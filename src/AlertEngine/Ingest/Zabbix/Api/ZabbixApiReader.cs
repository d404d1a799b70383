using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// Turns the <c>result</c> of each API method into the engine's records. Pure and defensive:
/// numbers may come as strings or numbers, an entry without its id is skipped, a missing list is empty.
/// </summary>
internal static class ZabbixApiReader
{
    /// <summary>The version <c>apiinfo.version</c> returned ("6.0.14", "7.0.0alpha1" → 7.0.0).</summary>
    public static Version Version(JsonElement result)
    {
        var text = result.ValueKind == JsonValueKind.String ? result.GetString() ?? "" : result.GetRawText();
        var parts = text.Split('.').Select(p => new string([.. p.TakeWhile(char.IsAsciiDigit)])).ToList();
        if (parts.Count < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException($"apiinfo.version returned \"{text}\", not a version");
        }

        var major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minor = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return parts.Count > 2 && parts[2].Length > 0
            ? new Version(major, minor, int.Parse(parts[2], CultureInfo.InvariantCulture))
            : new Version(major, minor);
    }

    /// <summary>Events of <c>event.get</c>; host groups are attached later from <c>host.get</c> (<see cref="WithGroups"/>).</summary>
    public static IReadOnlyList<ZabbixApiEvent> Events(JsonElement result) =>
    [
        .. from e in ZabbixJson.Items(result)
           let id = ZabbixJson.Text(e, "eventid")
           where !string.IsNullOrEmpty(id)
           select new ZabbixApiEvent
           {
               EventId = id,
               TriggerId = ZabbixJson.Text(e, "objectid") ?? "",
               Name = ZabbixJson.Text(e, "name") ?? "",
               Severity = ZabbixJson.Int(e, "severity"),
               Clock = ZabbixJson.Clock(e, "clock"),
               RecoveryEventId = ZabbixJson.OptionalId(e, "r_eventid"),
               Acknowledged = ZabbixJson.Flag(e, "acknowledged"),
               Suppressed = ZabbixJson.Flag(e, "suppressed"),
               OpData = ZabbixJson.Text(e, "opdata") is { Length: > 0 } opdata ? opdata : null,
               Hosts = Hosts(e),
               Tags = [.. ZabbixJson.Array(e, "tags").Select(t => new EventTag(ZabbixJson.Text(t, "tag") ?? "", ZabbixJson.Text(t, "value") ?? ""))],
               Acknowledges = [.. ZabbixJson.Array(e, "acknowledges").Select(Acknowledge).OfType<ZabbixApiAcknowledge>()],
           },
    ];

    /// <summary>The distinct host ids of these events (for one <c>host.get</c> of their groups).</summary>
    public static IReadOnlyList<string> HostIds(IEnumerable<ZabbixApiEvent> events) =>
        [.. events.SelectMany(e => e.Hosts).Select(h => h.HostId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Host group names by host id from <c>host.get</c>; <paramref name="groupsField"/> is <c>groups</c> or <c>hostgroups</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> HostGroups(JsonElement result, string groupsField)
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var host in ZabbixJson.Items(result))
        {
            if (ZabbixJson.Text(host, "hostid") is { Length: > 0 } id)
            {
                groups[id] = [.. ZabbixJson.Array(host, groupsField).Select(g => ZabbixJson.Text(g, "name")).OfType<string>()];
            }
        }

        return groups;
    }

    /// <summary>The events with each host's groups filled in (a host <c>host.get</c> did not return keeps none).</summary>
    public static IReadOnlyList<ZabbixApiEvent> WithGroups(IReadOnlyList<ZabbixApiEvent> events, IReadOnlyDictionary<string, IReadOnlyList<string>> groups) =>
    [
        .. events.Select(e => e with
        {
            Hosts = [.. e.Hosts.Select(h => groups.TryGetValue(h.HostId, out var names) ? h with { Groups = names } : h)],
        }),
    ];

    /// <summary>Open problems of <c>problem.get</c>.</summary>
    public static IReadOnlyList<ZabbixApiProblem> Problems(JsonElement result) =>
    [
        .. from p in ZabbixJson.Items(result)
           let id = ZabbixJson.Text(p, "eventid")
           where !string.IsNullOrEmpty(id)
           select new ZabbixApiProblem(id, ZabbixJson.Text(p, "objectid") ?? "", ZabbixJson.Text(p, "name") ?? "", ZabbixJson.Int(p, "severity"), ZabbixJson.Clock(p, "clock")),
    ];

    /// <summary>Event clocks by event id (<c>event.get</c> output eventid, clock).</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> Clocks(JsonElement result)
    {
        var clocks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in ZabbixJson.Items(result))
        {
            if (ZabbixJson.Text(e, "eventid") is { Length: > 0 } id)
            {
                clocks[id] = ZabbixJson.Clock(e, "clock");
            }
        }

        return clocks;
    }

    /// <summary>The first event's id (<c>event.get</c> sorted DESC, limit 1), or null when Zabbix holds none.</summary>
    public static long? LatestEventId(JsonElement result) =>
        ZabbixJson.Items(result).Select(e => ZabbixJson.Long(e, "eventid")).FirstOrDefault(id => id is not null);

    /// <summary><c>manual_close</c> by trigger id (<c>trigger.get</c>): 1 allows closing by hand.</summary>
    public static IReadOnlyDictionary<string, bool> ManualClose(JsonElement result)
    {
        var triggers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var t in ZabbixJson.Items(result))
        {
            if (ZabbixJson.Text(t, "triggerid") is { Length: > 0 } id)
            {
                triggers[id] = ZabbixJson.Flag(t, "manual_close");
            }
        }

        return triggers;
    }

    /// <summary>Display names by user id (<c>user.get</c>); the login is <c>username</c> (5.4+) or legacy <c>alias</c>.</summary>
    public static IReadOnlyDictionary<string, string> UserNames(JsonElement result)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var u in ZabbixJson.Items(result))
        {
            if (ZabbixJson.Text(u, "userid") is { Length: > 0 } id
                && DisplayName(ZabbixJson.Text(u, "username") ?? ZabbixJson.Text(u, "alias"), ZabbixJson.Text(u, "name"), ZabbixJson.Text(u, "surname")) is { } display)
            {
                users[id] = display;
            }
        }

        return users;
    }

    /// <summary>"Name Surname (username)"; just the username when both names are empty; null without a username.</summary>
    public static string? DisplayName(string? username, string? name, string? surname)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return null;
        }

        var full = string.Join(' ', new[] { name, surname }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        return full.Length == 0 ? username : $"{full} ({username})";
    }

    private static IReadOnlyList<ZabbixApiHost> Hosts(JsonElement e) =>
    [
        .. from h in ZabbixJson.Array(e, "hosts")
           let id = ZabbixJson.Text(h, "hostid")
           where !string.IsNullOrEmpty(id)
           select new ZabbixApiHost(id, ZabbixJson.Text(h, "host") ?? "", ZabbixJson.Text(h, "name") ?? ZabbixJson.Text(h, "host") ?? "", []),
    ];

    private static ZabbixApiAcknowledge? Acknowledge(JsonElement a) =>
        ZabbixJson.Text(a, "acknowledgeid") is { Length: > 0 } id
            ? new ZabbixApiAcknowledge(
                id,
                ZabbixJson.Text(a, "userid") ?? "",
                ZabbixJson.Clock(a, "clock"),
                (ZabbixUpdateActions)ZabbixJson.Int(a, "action"),
                ZabbixJson.Text(a, "message") ?? "",
                ZabbixJson.Int(a, "old_severity"),
                ZabbixJson.Int(a, "new_severity"))
            {
                UserName = DisplayName(ZabbixJson.Text(a, "username") ?? ZabbixJson.Text(a, "alias"), ZabbixJson.Text(a, "name"), ZabbixJson.Text(a, "surname")),
            }
            : null;
}
