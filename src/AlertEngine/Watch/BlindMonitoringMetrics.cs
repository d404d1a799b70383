using AlertEngine.Pipeline;
using Prometheus;

namespace AlertEngine.Watch;

/// <summary>The watch's gauge, on the engine's registry: <c>alertengine_zabbix_monitoring_blind{server}</c>.</summary>
public sealed class BlindMonitoringMetrics
{
    private readonly Gauge _blind;

    public BlindMonitoringMetrics(EngineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _blind = Metrics.WithCustomRegistry(metrics.Registry).CreateGauge(
            "alertengine_zabbix_monitoring_blind",
            "1 while a 'monitoring blind' ticket is open for the Zabbix server (API unreachable, or the dead-man watch fired), else 0.",
            "server");
    }

    public void Set(string server, bool blind) => _blind.WithLabels(server).Set(blind ? 1 : 0);
}
