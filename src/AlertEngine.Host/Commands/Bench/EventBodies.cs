using System.Globalization;
using System.Text.Unicode;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// Webhook bodies shaped like the AlertEngine media type's problem event
/// (samples/zabbix/payloads/problem.json on branch mediatype), about 1 KB each, compact as the
/// media type's JSON.stringify sends them but for a line break between some members. Every body
/// gets a new event id, so the engine must store every one (no duplicates); 1,000 triggers on
/// 50 hosts with severities 2 to 5 give the pipeline real tickets to open and add to.
/// Written straight into the worker's buffer: nothing is allocated per request.
/// </summary>
internal sealed class EventBodies
{
    /// <summary>Room for one body.</summary>
    public const int MaxBytes = 2048;

    private const long FirstEventId = 100_000_000_000;
    private readonly TimeProvider _time;
    private long _lastEventId = FirstEventId;

    /// <summary>Bodies whose event time is a few seconds before <paramref name="time"/>'s now, as when Zabbix sends at once.</summary>
    public EventBodies(TimeProvider time) => _time = time;

    /// <summary>Writes the next body into <paramref name="destination"/>; returns its length in bytes.</summary>
    public int Write(Span<byte> destination)
    {
        var eventId = Interlocked.Increment(ref _lastEventId);
        var trigger = (int)(eventId % 1000);
        var host = trigger % 50;
        var severity = 2 + (trigger % 4);
        var clock = _time.GetUtcNow().ToUnixTimeSeconds() - (eventId % 30);
        var written = Utf8.TryWrite(
            destination,
            CultureInfo.InvariantCulture,
            $$"""
            {"event_id":"{{eventId}}","value":1,"update_status":0,"severity":{{severity}},
            "event_name":"App health critical on srv-acme-web{{host:D2}}: /healthz answered 503 three times in a row","trigger_id":"{{23_000 + trigger}}",
            "host":"srv-acme-web{{host:D2}}","host_name":"ACME web frontend {{host:D2}} (srv-acme-web{{host:D2}})","host_groups":["Customers/acme","Linux servers","Web servers"],
            "tags":[{"tag":"service","value":"web"},{"tag":"band","value":"high"},{"tag":"component","value":"app"},{"tag":"customer","value":"acme"},
            {"tag":"env","value":"production"},{"tag":"scope","value":"availability"},{"tag":"class","value":"software"},{"tag":"target","value":"nginx"},
            {"tag":"team","value":"web-ops"},{"tag":"datacenter","value":"fra1"},{"tag":"role","value":"frontend"},{"tag":"port","value":"443"}],
            "clock":{{clock}},"event_source":0,"acknowledged":false,
            "opdata":"Health value: 5 (upstream timed out (110: Connection timed out) while reading response header from upstream)",
            "zabbix_url":"https://zabbix.example.com/"}
            """,
            out var length);
        return written ? length : throw new InvalidOperationException($"a benchmark body does not fit in {MaxBytes} bytes");
    }
}
