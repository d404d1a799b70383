using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertEngine.Reports;

/// <summary>
/// Writes the handover report at each shift change (<c>Reports:Schedules</c>): the shift that ended
/// at this run's scheduled time, so a run Quartz starts late still reports the right shift. A
/// failure is logged and counted (<see cref="HandoverReports"/>); it never stops the schedule.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class HandoverReportJob(HandoverReports reports, ILogger<HandoverReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("handover-report", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var end = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await reports.WriteAndDeliverAsync(reports.Schedule.EndingAt(end), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already logged with the shift by HandoverReports; the job itself carries on.
            LogGaveUp(logger, end, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handover report job at {End:u} ended without a report ({Error}); the schedule continues")]
    private static partial void LogGaveUp(ILogger logger, DateTimeOffset end, string error);
}
