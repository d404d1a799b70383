using System.Text.Json.Nodes;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// The sample trigger (samples/zabbix/payloads: high severity, customer acme, trigger 23137) with
/// its own event ids and Zabbix clocks, for stories where it fires and clears again and again.
/// </summary>
internal static class TriggerEvents
{
    /// <summary>The samples' problem clock (Unix seconds, 2026-11-25).</summary>
    public const long T0 = 1795638019;

    public static DateTimeOffset At(long clock) => DateTimeOffset.FromUnixTimeSeconds(clock);

    public static string Problem(string eventId, long clock, Action<JsonObject>? change = null) =>
        Samples.With(Samples.Problem, o =>
        {
            o["event_id"] = eventId;
            o["clock"] = clock;
            change?.Invoke(o);
        });

    public static string Recovery(string eventId, long clock, long recoveredAt, Action<JsonObject>? change = null) =>
        Samples.With(Samples.Recovery, o =>
        {
            o["event_id"] = eventId;
            o["recovery_event_id"] = eventId + "9";
            o["clock"] = clock;
            o["recovery_clock"] = recoveredAt;
            change?.Invoke(o);
        });

    /// <summary>A severity changed in Zabbix: <paramref name="severity"/> is what the body's own severity field says.</summary>
    public static string SeverityChanged(string eventId, long clock, int severity, int newSeverity, string time) =>
        Samples.With(Samples.Update, o =>
        {
            o["event_id"] = eventId;
            o["clock"] = clock;
            o["severity"] = severity;
            o["update_action"] = "changed severity";
            o["update_message"] = null;
            o["update_severity"] = newSeverity;
            o["update_time"] = time;
            o["update_clock"] = DateTimeOffset.Parse($"2026-11-25T{time}Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
            o["acknowledged"] = false;
        });

    /// <summary>A problem and its recovery a minute later.</summary>
    public static string[] Cycle(string eventId, long clock) => [Problem(eventId, clock), Recovery(eventId, clock, clock + 60)];
}
