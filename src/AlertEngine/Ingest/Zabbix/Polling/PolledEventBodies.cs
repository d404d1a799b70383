using System.Text.Json;
using System.Text.Json.Nodes;
using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// Turns what the API says about a problem event into the bodies the AlertEngine media type would
/// have posted for it (samples/zabbix/payloads): the problem, each update, the recovery. The inbox
/// keys them exactly like the webhook's, so an event that came both ways counts once, and the
/// pipeline reads them with the same parser.
/// </summary>
public static class PolledEventBodies
{
    /// <summary>The problem itself, as its problem notification.</summary>
    public static IncomingEvent Problem(string server, ZabbixApiEvent e) =>
        Incoming(server, e, Base(e, value: 1, updateStatus: 0));

    /// <summary>One update (acknowledgement, message, severity change, close) of the problem.</summary>
    public static IncomingEvent Update(string server, ZabbixApiEvent e, ZabbixApiAcknowledge update, string user)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = Base(e, value: 1, updateStatus: 1);
        body["update_action"] = UpdateActionText.For(update);
        if (!string.IsNullOrWhiteSpace(update.Message))
        {
            body["update_message"] = update.Message;
        }

        body["update_user"] = user;
        body["update_clock"] = update.Clock.ToUnixTimeSeconds();
        if (update.Action.HasFlag(ZabbixUpdateActions.ChangeSeverity) && update.NewSeverity is >= 0 and <= 5)
        {
            body["update_severity"] = update.NewSeverity;
        }

        // What this update did to the acknowledgement, not the problem's state now.
        if (update.Action.HasFlag(ZabbixUpdateActions.Acknowledge))
        {
            body["acknowledged"] = true;
        }
        else if (update.Action.HasFlag(ZabbixUpdateActions.Unacknowledge))
        {
            body["acknowledged"] = false;
        }

        return Incoming(server, e, body);
    }

    /// <summary>The problem's recovery event, at the time it happened.</summary>
    public static IncomingEvent Recovery(string server, ZabbixApiEvent e, string recoveryEventId, DateTimeOffset recoveredAt)
    {
        var body = Base(e, value: 0, updateStatus: 0);
        body["recovery_event_id"] = recoveryEventId;
        body["recovery_clock"] = recoveredAt.ToUnixTimeSeconds();
        return Incoming(server, e, body);
    }

    /// <summary>
    /// A problem on a ticket that Zabbix no longer holds (deleted, or closed and cleaned up while
    /// AlertEngine could not see it): its stored body turned into a recovery dated by this poll,
    /// with recovery event id 0 (there is none) and a note that says why.
    /// </summary>
    public static IncomingEvent Gone(string server, string eventId, string storedBody, DateTimeOffset now)
    {
        var body = JsonNode.Parse(storedBody)?.AsObject()
            ?? throw new InvalidDataException($"the stored body of Zabbix event {eventId} is not a JSON object");
        foreach (var field in body.Select(p => p.Key).Where(k => k.StartsWith("update_", StringComparison.Ordinal) || k is "acknowledged" or "recovery_event_id" or "recovery_clock").ToArray())
        {
            body.Remove(field);
        }

        body["value"] = 0;
        body["update_status"] = 0;
        body["recovery_event_id"] = "0";
        body["recovery_clock"] = now.ToUnixTimeSeconds();
        body["poller_note"] = $"Zabbix no longer holds problem {eventId} (deleted, or closed while AlertEngine could not see it)";
        return Incoming(server, body, $"the stored body of Zabbix event {eventId} does not make a recovery");
    }

    private static JsonObject Base(ZabbixApiEvent e, int value, int updateStatus)
    {
        ArgumentNullException.ThrowIfNull(e);
        var host = e.Hosts.Count > 0 ? e.Hosts[0] : null;
        var body = new JsonObject
        {
            ["event_id"] = e.EventId,
            ["value"] = value,
            ["update_status"] = updateStatus,
            ["severity"] = e.Severity,
            ["event_name"] = e.Name,
            ["trigger_id"] = e.TriggerId,
            // Zabbix always returns the host of a trigger event the API user may read.
            ["host"] = host?.Host ?? "(unknown host)",
        };
        if (host is not null && host.Name.Length > 0)
        {
            body["host_name"] = host.Name;
        }

        var groups = e.Hosts.SelectMany(h => h.Groups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (groups.Length > 0)
        {
            body["host_groups"] = new JsonArray([.. groups.Select(g => JsonValue.Create(g))]);
        }

        if (e.Tags.Count > 0)
        {
            body["tags"] = new JsonArray([.. e.Tags.Select(t => new JsonObject { ["tag"] = t.Tag, ["value"] = t.Value })]);
        }

        body["clock"] = e.Clock.ToUnixTimeSeconds();
        body["event_source"] = 0;
        if (e.Suppressed)
        {
            body["suppressed"] = true;
        }

        if (!string.IsNullOrWhiteSpace(e.OpData))
        {
            body["opdata"] = e.OpData;
        }

        return body;
    }

    private static IncomingEvent Incoming(string server, ZabbixApiEvent e, JsonObject body) =>
        Incoming(server, body, $"Zabbix event {e.EventId} from the API does not make a valid event");

    /// <summary>
    /// Reads the body back with the webhook's own parser, so it is keyed and stored exactly as the
    /// media type's would be. A body the contract refuses (e.g. a severity out of 0-5 from the API)
    /// throws <paramref name="refusal"/> with the reasons: the poller reports that event instead of
    /// storing a body the pipeline cannot read.
    /// </summary>
    private static IncomingEvent Incoming(string server, JsonObject body, string refusal)
    {
        var payload = body.ToJsonString(Options);
        var parsed = ZabbixWebhookPayload.Parse(server, System.Text.Encoding.UTF8.GetBytes(payload));
        if (!parsed.IsValid)
        {
            throw new InvalidDataException($"{refusal}: {string.Join("; ", parsed.Errors)}");
        }

        var e = parsed.Event!;
        return new IncomingEvent(InboxKey.For(e), e.Kind, e.Severity, e.TriggerId, Source, payload);
    }

    /// <summary>The inbox <c>source</c> of everything the poller stores.</summary>
    public const string Source = "poller";

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
