using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertEngine.Pipeline;

/// <summary>
/// Reads the engine's state when <c>/metrics</c> is scraped: the intake queue, the inbox
/// backlog, the poisoned events and whether the database takes writes (the same check as
/// <c>/healthz</c>). Hooked to the registry when the engine starts, after its configuration
/// has been validated.
/// </summary>
public sealed class EngineStateGauges : IHostedService
{
    private readonly EngineMetrics _metrics;
    private readonly InboxWriter _writer;
    private readonly InboxHealth _health;
    private readonly ZabbixOptions _zabbix;

    public EngineStateGauges(EngineMetrics metrics, InboxWriter writer, InboxHealth health, IOptions<ZabbixOptions> zabbix)
    {
        ArgumentNullException.ThrowIfNull(zabbix);
        _metrics = metrics;
        _writer = writer;
        _health = health;
        _zabbix = zabbix.Value;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _metrics.ShowWebhookServers(_zabbix.Servers.Keys);
        _metrics.Registry.AddBeforeCollectCallback(RefreshAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var report = await _health.CheckAsync(cancellationToken);
        _metrics.SetState(_writer.QueueLength, report.Backlog?.Backlog, report.Backlog?.Poisoned, report.Storage.Writable);
    }
}
