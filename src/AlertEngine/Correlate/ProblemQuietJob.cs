using Quartz;

namespace AlertEngine.Correlate;

/// <summary>
/// The Quartz job that runs <see cref="ProblemQuietCheck"/> every <c>Correlate:QuietCheckInterval</c>.
/// Holds no state: what is due is read from SQLite each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProblemQuietJob(ProblemQuietCheck check) : IJob
{
    public static readonly JobKey Key = new("problem-quiet", "correlate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await check.RunAsync(cancellationToken);
}
