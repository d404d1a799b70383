using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// The webhook body of one storm delivery, shaped like the AlertEngine media type's
/// (samples/zabbix/payloads/problem.json, update.json, recovery.json). A delivery always gives
/// the same bytes, so a redelivery is an exact repeat, as when Zabbix sends an alert again.
/// </summary>
internal static class StormBodies
{
    public const string ZabbixUrl = "https://zabbix.example.com/";

    public static void Write(StormPlan plan, StormDelivery delivery, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var t = plan.Triggers[delivery.Trigger];
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("event_id", t.ProblemEventId);
        json.WriteNumber("value", delivery.Kind == StormDeliveryKind.Recovery ? 0 : 1);
        json.WriteNumber("update_status", delivery.Kind is StormDeliveryKind.Acknowledge or StormDeliveryKind.Comment ? 1 : 0);
        json.WriteNumber("severity", t.Severity);
        json.WriteString("event_name", t.Name);
        json.WriteString("trigger_id", t.TriggerId);
        json.WriteString("host", t.Host);
        json.WriteString("host_name", t.Host);
        json.WriteStartArray("host_groups");
        json.WriteStringValue("Customers/" + t.Customer);
        json.WriteStringValue("Linux servers");
        json.WriteStringValue("Behind " + StormGenerator.FailedDevice);
        json.WriteEndArray();
        json.WriteStartArray("tags");
        Tag(json, "customer", t.Customer);
        Tag(json, "scope", "availability");
        Tag(json, "uplink", StormGenerator.FailedDevice);
        Tag(json, "env", "production");
        json.WriteEndArray();
        json.WriteNumber("clock", t.ProblemClock);
        json.WriteNumber("event_source", 0);
        switch (delivery.Kind)
        {
            case StormDeliveryKind.Recovery:
                json.WriteString("recovery_event_id", t.RecoveryEventId);
                json.WriteNumber("recovery_clock", t.RecoveryClock);
                break;
            case StormDeliveryKind.Acknowledge:
                Update(json, "acknowledged and commented", $"Seen: {t.Host} is behind {StormGenerator.FailedDevice}; waiting for the network team", t.AcknowledgedBy!, t.ProblemClock + 60 + (t.Index % 60));
                break;
            case StormDeliveryKind.Comment:
                Update(json, "commented", $"storm {plan.Seed.ToString(CultureInfo.InvariantCulture)}: note {(delivery.Number + 1).ToString(CultureInfo.InvariantCulture)} on {t.Host}", "Network team (noc)", t.ProblemClock + 90 + (37 * delivery.Number));
                break;
        }

        json.WriteBoolean("acknowledged", t.AcknowledgedBy is not null && delivery.Kind != StormDeliveryKind.Problem);
        json.WriteString("opdata", delivery.Kind == StormDeliveryKind.Recovery ? "Ping loss: 0 %" : "Ping loss: 100 %");
        json.WriteString("zabbix_url", ZabbixUrl);
        json.WriteEndObject();
    }

    private static void Tag(Utf8JsonWriter json, string tag, string value)
    {
        json.WriteStartObject();
        json.WriteString("tag", tag);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void Update(Utf8JsonWriter json, string action, string message, string user, long at)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(at);
        json.WriteString("update_action", action);
        json.WriteString("update_message", message);
        json.WriteString("update_user", user);
        json.WriteString("update_date", time.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture));
        json.WriteString("update_time", time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
    }
}
