using AlertEngine.Ingest.Zabbix.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// Schedules one <see cref="ZabbixPollJob"/> per Zabbix server with an API, first at start (the
/// backfill on first start, the catch-up after downtime), then every <c>Api:PollInterval</c>.
/// </summary>
public sealed class ZabbixPollSchedule(ISchedulerFactory schedulers, IZabbixApiClients clients, IOptions<ZabbixOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var server in clients.Servers)
        {
            var interval = options.Value.Servers[server].Api.PollInterval;
            var job = JobBuilder.Create<ZabbixPollJob>()
                .WithIdentity(ZabbixPollJob.KeyFor(server))
                .UsingJobData(ZabbixPollJob.ServerKey, server)
                .Build();
            var trigger = TriggerBuilder.Create()
                .ForJob(job)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
