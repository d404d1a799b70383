using System.Text.Json;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// Reads the JSON body the AlertEngine media type posts (samples/zabbix/) into a
/// <see cref="ZabbixEvent"/>. Every problem is reported with the field it concerns, so that
/// a 400 tells the Zabbix administrator exactly what to fix. Unknown fields are ignored so
/// that a newer media type still works with an older engine.
/// </summary>
public static class ZabbixWebhookPayload
{
    public static PayloadResult Parse(string server, ReadOnlyMemory<byte> body)
    {
        // A UTF-8 byte order mark is allowed before JSON; some HTTP tools add one.
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        // JSON is UTF-8 (RFC 8259): other bytes would make GetString throw, or be stored as other text than received.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return PayloadResult.Invalid(new PayloadError("body", "is not valid UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return PayloadResult.Invalid(new PayloadError("body", $"is not valid JSON ({ex.Message})"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return PayloadResult.Invalid(new PayloadError("body", "must be a JSON object"));
            }

            var reader = new PayloadFieldReader(document.RootElement);
            try
            {
                return Read(server, reader);
            }
            catch (InvalidOperationException ex)
            {
                // GetString refuses an escaped surrogate without its pair (\uD800): no Unicode text.
                return PayloadResult.Invalid(new PayloadError("body", $"holds a string that is not valid Unicode ({ex.Message})"));
            }
        }
    }

    private static PayloadResult Read(string server, PayloadFieldReader f)
    {
        var eventId = f.Id("event_id", required: true);
        var value = f.Int("value", required: true, min: 0, max: 1, "must be 1 (problem) or 0 (recovery)");
        var updateStatus = f.Int("update_status", required: true, min: 0, max: 1, "must be 0 (problem or recovery) or 1 (update)");
        var severity = f.Int("severity", required: true, min: 0, max: 5, "must be a Zabbix severity from 0 (not classified) to 5 (disaster)");
        var eventName = f.Text("event_name", required: true);
        var triggerId = f.Id("trigger_id", required: true);
        var host = f.Text("host", required: true);
        var hostName = f.Text("host_name", required: false);
        var hostGroups = f.TextArray("host_groups");
        var tags = f.Tags("tags");
        var clock = f.Epoch("clock", required: true);
        _ = f.Int("event_source", required: false, min: 0, max: 0, "must be 0: only trigger events are accepted");
        var recoveryEventId = f.Id("recovery_event_id", required: false);
        var recoveryClock = f.Epoch("recovery_clock", required: false);
        var updateAction = f.Text("update_action", required: false);
        var updateMessage = f.Text("update_message", required: false);
        var updateUser = f.Text("update_user", required: false);
        var updateDate = f.Text("update_date", required: false);
        var updateTime = f.Text("update_time", required: false);
        var updateClock = f.Epoch("update_clock", required: false);
        var updateSeverity = f.Int("update_severity", required: false, min: 0, max: 5, "must be a Zabbix severity from 0 to 5");
        var acknowledged = f.Bool("acknowledged");
        var suppressed = f.Bool("suppressed");
        var opData = f.Text("opdata", required: false);
        var zabbixUrl = f.Text("zabbix_url", required: false);
        var pollerNote = f.Text("poller_note", required: false);

        var kind = updateStatus == 1 ? EventKind.Update : value == 0 ? EventKind.Recovery : EventKind.Problem;
        if (kind == EventKind.Recovery && recoveryEventId is null && !f.HasError("recovery_event_id"))
        {
            f.Fail("recovery_event_id", "is required on a recovery (value 0)");
        }

        if (kind == EventKind.Update && updateAction is null && !f.HasError("update_action"))
        {
            f.Fail("update_action", "is required on an update (update_status 1)");
        }

        if (f.Errors.Count > 0)
        {
            return PayloadResult.Invalid([.. f.Errors]);
        }

        return PayloadResult.Valid(new ZabbixEvent
        {
            Server = server,
            EventId = eventId!,
            Kind = kind,
            Severity = severity!.Value,
            EventName = eventName!,
            TriggerId = triggerId!,
            Host = host!,
            HostName = hostName,
            HostGroups = hostGroups,
            Tags = tags,
            ProblemAt = clock!.Value,
            RecoveryEventId = kind == EventKind.Recovery ? recoveryEventId : null,
            RecoveredAt = kind == EventKind.Recovery ? recoveryClock : null,
            Update = kind == EventKind.Update
                ? new ZabbixUpdate(updateAction!, updateMessage, updateUser, updateDate, updateTime, updateSeverity) { At = updateClock }
                : null,
            Acknowledged = acknowledged,
            Suppressed = suppressed,
            OpData = opData,
            ZabbixUrl = zabbixUrl,
            PollerNote = pollerNote,
        });
    }
}

/// <summary>One thing wrong with a webhook body: the JSON field and why.</summary>
public sealed record PayloadError(string Field, string Reason)
{
    public override string ToString() => $"{Field} {Reason}";
}

/// <summary>Either the event read from a body, or everything that is wrong with it.</summary>
public sealed record PayloadResult(ZabbixEvent? Event, IReadOnlyList<PayloadError> Errors)
{
    public bool IsValid => Event is not null;

    public static PayloadResult Valid(ZabbixEvent e) => new(e, []);

    public static PayloadResult Invalid(params PayloadError[] errors) => new(null, errors);
}
