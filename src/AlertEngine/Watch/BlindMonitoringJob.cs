using Quartz;

namespace AlertEngine.Watch;

/// <summary>The Quartz job that runs <see cref="BlindMonitoringWatch"/> every <c>Watch:Interval</c>. Holds no state.</summary>
[DisallowConcurrentExecution]
public sealed class BlindMonitoringJob(BlindMonitoringWatch watch) : IJob
{
    public static readonly JobKey Key = new("monitoring-blind", "watch");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await watch.RunAsync(cancellationToken);
}
