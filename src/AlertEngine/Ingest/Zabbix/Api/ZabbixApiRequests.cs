using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The <c>params</c> of every call, built in a fixed property order so that tests can compare
/// bodies exactly. Each asks only for the fields the engine reads (reference B11).
/// </summary>
internal static class ZabbixApiRequests
{
    /// <summary>Fields of a trigger event the engine reads (<see cref="ZabbixApiReader.Events"/>).</summary>
    private static readonly string[] EventFields = ["eventid", "objectid", "clock", "name", "severity", "r_eventid", "acknowledged", "suppressed", "opdata"];
    private static readonly string[] HostFields = ["hostid", "host", "name"];
    private static readonly string[] TagFields = ["tag", "value"];

    /// <summary>Fields of the acknowledges table, valid on 6.0 to 7.2 (user names come from user.get).</summary>
    private static readonly string[] AcknowledgeFields = ["acknowledgeid", "userid", "clock", "action", "message", "old_severity", "new_severity"];

    public static JsonObject Version() => [];

    public static JsonObject Login(string user, string password) => new() { ["username"] = user, ["password"] = password };

    /// <summary>Trigger problem events (value 1) with an id above <paramref name="afterEventId"/>, oldest first.</summary>
    public static JsonObject ProblemEventsAfter(ZabbixApiDialect dialect, long afterEventId, int limit)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var request = new JsonObject
        {
            ["output"] = Strings(EventFields),
            ["source"] = 0,
            ["object"] = 0,
            ["value"] = 1,
            ["eventid_from"] = (afterEventId + 1).ToString(CultureInfo.InvariantCulture),
        };
        AddEventSelects(request, dialect);
        request["sortfield"] = Strings("eventid");
        request["sortorder"] = "ASC";
        request["limit"] = limit;
        return request;
    }

    /// <summary>These events as Zabbix holds them now, with the same selects.</summary>
    public static JsonObject Events(ZabbixApiDialect dialect, IEnumerable<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var request = new JsonObject
        {
            ["output"] = Strings(EventFields),
            ["eventids"] = Strings([.. eventIds]),
        };
        AddEventSelects(request, dialect);
        request["sortfield"] = Strings("eventid");
        request["sortorder"] = "ASC";
        return request;
    }

    public static JsonObject EventClocks(IEnumerable<string> eventIds) => new()
    {
        ["output"] = Strings("eventid", "clock"),
        ["eventids"] = Strings([.. eventIds]),
    };

    public static JsonObject LatestEventId() => new()
    {
        ["output"] = Strings("eventid"),
        ["source"] = 0,
        ["object"] = 0,
        ["sortfield"] = Strings("eventid"),
        ["sortorder"] = "DESC",
        ["limit"] = 1,
    };

    public static JsonObject OpenProblems(int limit) => new()
    {
        ["output"] = Strings("eventid", "objectid", "clock", "name", "severity"),
        ["source"] = 0,
        ["object"] = 0,
        ["sortfield"] = Strings("eventid"),
        ["sortorder"] = "ASC",
        ["limit"] = limit,
    };

    /// <summary>Host groups of these hosts (<c>event.get</c>'s selectHosts cannot select them).</summary>
    public static JsonObject HostGroups(ZabbixApiDialect dialect, IEnumerable<string> hostIds)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return new JsonObject
        {
            ["output"] = Strings("hostid"),
            ["hostids"] = Strings([.. hostIds]),
            [dialect.HostGroupsParameter] = Strings("name"),
        };
    }

    public static JsonObject ManualClose(IEnumerable<string> triggerIds) => new()
    {
        ["output"] = Strings("triggerid", "manual_close"),
        ["triggerids"] = Strings([.. triggerIds]),
    };

    public static JsonObject UserNames(IEnumerable<string> userIds) => new()
    {
        ["output"] = Strings("userid", "username", "name", "surname"),
        ["userids"] = Strings([.. userIds]),
    };

    /// <summary><c>event.acknowledge</c>: eventids, action bitmask, and message only when the action adds one.</summary>
    public static JsonObject Acknowledge(ZabbixAcknowledgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["eventids"] = Strings([.. request.EventIds]),
            ["action"] = (int)request.Action,
        };
        if (request.Action.HasFlag(ZabbixUpdateActions.AddMessage))
        {
            body["message"] = request.Message ?? "";
        }

        return body;
    }

    private static void AddEventSelects(JsonObject request, ZabbixApiDialect dialect)
    {
        request["selectHosts"] = Strings(HostFields);
        request["selectTags"] = Strings(TagFields);
        request[dialect.EventAcknowledgesParameter] = Strings(AcknowledgeFields);
    }

    private static JsonArray Strings(params string[] values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
