using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertEngine.Reports;

/// <summary>
/// Schedules the <see cref="HandoverReportJob"/> at every shift change (<c>Reports:Schedules</c>,
/// one cron trigger each, in the team's zone) unless <c>Reports:Scheduled</c> is false. A run
/// missed while the engine was down is not made up (the next change reports its own shift).
/// </summary>
public sealed partial class HandoverReportSchedule(
    ISchedulerFactory schedulers,
    HandoverReports reports,
    IOptions<ReportsOptions> options,
    ILogger<HandoverReportSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Scheduled)
        {
            LogOff(logger);
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var schedule = reports.Schedule;
        var job = JobBuilder.Create<HandoverReportJob>().WithIdentity(HandoverReportJob.Key).Build();
        var triggers = schedule.Expressions.Select((expression, i) => TriggerBuilder.Create()
            .WithIdentity($"handover-report-{i}", "reports")
            .ForJob(job)
            .WithCronSchedule(expression, cron => cron.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build()).ToList();
        await scheduler.ScheduleJob(job, triggers, cancellationToken: cancellationToken);

        var expressions = string.Join(" | ", schedule.Expressions);
        var folder = Path.GetFullPath(options.Value.Folder);
        LogScheduled(logger, expressions, schedule.TimeZone.Id, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover reports at {Schedules} ({TimeZone}), written to {Folder}")]
    private static partial void LogScheduled(ILogger logger, string schedules, string timeZone, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover reports are not scheduled (Reports:Scheduled is false); alertengine report handover writes one on demand")]
    private static partial void LogOff(ILogger logger);
}
