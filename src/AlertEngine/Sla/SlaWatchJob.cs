using Quartz;

namespace AlertEngine.Sla;

/// <summary>The Quartz job that runs <see cref="SlaWatch"/> every <c>Sla:WatchInterval</c>. Holds no state.</summary>
[DisallowConcurrentExecution]
public sealed class SlaWatchJob(SlaWatch watch) : IJob
{
    public static readonly JobKey Key = new("sla-watch", "sla");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await watch.RunAsync(cancellationToken);
}
