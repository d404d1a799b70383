using Quartz;

namespace AlertEngine.Paging;

/// <summary>The Quartz job that runs <see cref="EscalationWatch"/> every <c>Paging:EscalationInterval</c>. Holds no state.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationJob(EscalationWatch watch) : IJob
{
    public static readonly JobKey Key = new("escalation", "paging");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await watch.RunAsync(cancellationToken);
}
