using AlertEngine.Ingest.Zabbix.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// The Quartz job that polls one Zabbix server every <c>Zabbix:Servers:{name}:Api:PollInterval</c>
/// (one job per server, <see cref="ZabbixPollSchedule"/>). Holds no state: where it stopped is in
/// SQLite. A server that cannot be reached is logged here and reported by the API client's health.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ZabbixPollJob(
    IZabbixApiClients clients,
    IOptionsMonitor<ZabbixOptions> options,
    ZabbixPoller poller,
    PollMetrics metrics,
    ILogger<ZabbixPollJob> logger) : IJob
{
    /// <summary>The job data key holding the server name.</summary>
    public const string ServerKey = "server";

    public static JobKey KeyFor(string server) => new($"poll-{server}", "zabbix");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = context.MergedJobDataMap.GetString(ServerKey) ?? "";
        var api = clients.Find(server);
        if (api is null || !options.CurrentValue.Servers.TryGetValue(server, out var settings))
        {
            return;
        }

        try
        {
            var report = await poller.PollAsync(api, settings.Api, cancellationToken);
            metrics.Polled(report);
            LogPolled(logger, server, report);
        }
        catch (ZabbixApiException ex)
        {
            metrics.Failed(server);
            LogFailed(logger, server, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zabbix {Server} polled: {Report}")]
    private static partial void LogPolled(ILogger logger, string server, PollReport report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zabbix {Server}: poll failed, next at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, string server, string reason);
}
