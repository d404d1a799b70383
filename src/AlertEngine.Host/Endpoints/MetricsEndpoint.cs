using AlertEngine.Pipeline;
using Prometheus;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: the engine's counters, histograms and gauges plus the process and .NET
/// runtime figures, in Prometheus text format, for Prometheus or the Zabbix template in
/// <c>samples/zabbix/</c>. It carries no secrets and no customer data, and is not authenticated
/// (like <c>/healthz</c>); keep the engine on loopback or behind the reverse proxy.
/// </summary>
internal static class MetricsEndpoint
{
    public static void MapEngineMetrics(this WebApplication app)
    {
        // EngineMetrics has no dependencies: resolving it here validates nothing before its time.
        var metrics = app.Services.GetRequiredService<EngineMetrics>();
        app.MapMetrics("/metrics", metrics.Registry);
    }
}
