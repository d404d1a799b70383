using AlertEngine.Pipeline;
using Prometheus;

namespace AlertEngine.Reports;

/// <summary>The handover reports' counters at <c>GET /metrics</c>: reports written, and deliveries by channel and outcome.</summary>
public sealed class ReportMetrics
{
    private readonly Counter _written;
    private readonly Counter _deliveries;

    public ReportMetrics(EngineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Metrics.WithCustomRegistry(metrics.Registry);
        _written = factory.CreateCounter("alertengine_reports_written_total", "Handover reports written by the schedule, by outcome: written, failed.", "outcome");
        _deliveries = factory.CreateCounter(
            "alertengine_report_deliveries_total",
            "Handover report delivery attempts by channel (mail, webhook) and outcome (sent, retry, failed).",
            "channel",
            "outcome");
    }

    public void Written(bool succeeded) => _written.WithLabels(succeeded ? "written" : "failed").Inc();

    public void Delivery(string channel, string outcome) => _deliveries.WithLabels(channel, outcome).Inc();
}
