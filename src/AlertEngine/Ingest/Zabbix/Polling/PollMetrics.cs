using AlertEngine.Pipeline;
using Prometheus;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// The poller's counters, on the engine's registry: polls by result, and the events it stored
/// that the webhook had missed (<c>alertengine_zabbix_polled_events_total{server,result}</c>).
/// </summary>
public sealed class PollMetrics
{
    private readonly Counter _polls;
    private readonly Counter _events;

    public PollMetrics(EngineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Metrics.WithCustomRegistry(metrics.Registry);
        _polls = factory.CreateCounter("alertengine_zabbix_polls_total", "Polls of a Zabbix server's API by result: ok, partial (stopped early), failed.", "server", "result");
        _events = factory.CreateCounter(
            "alertengine_zabbix_polled_events_total",
            "Events the poller offered to the inbox: stored (not there yet: missed by the webhook, or found before it arrived) or known (already there).",
            "server",
            "result");
    }

    public void Polled(PollReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _polls.WithLabels(report.Server, report.Complete ? "ok" : "partial").Inc();
        _events.WithLabels(report.Server, "stored").Inc(report.Stored);
        _events.WithLabels(report.Server, "known").Inc(report.AlreadyKnown);
    }

    public void Failed(string server) => _polls.WithLabels(server, "failed").Inc();
}
