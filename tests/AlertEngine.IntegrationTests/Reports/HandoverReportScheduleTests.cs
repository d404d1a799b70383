using AlertEngine.IntegrationTests.Support;
using AlertEngine.Reports;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>The engine schedules the handover report at each shift change, in the team's zone, and the job writes the report.</summary>
public sealed class HandoverReportScheduleTests : EngineTestBase
{
    private async Task<IScheduler> SchedulerAsync() =>
        await Engine.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Start_Defaults_TwoCronTriggersAt0930And1800Shanghai()
    {
        var scheduler = await SchedulerAsync();

        var triggers = (await scheduler.GetTriggersOfJob(HandoverReportJob.Key, TestContext.Current.CancellationToken)).Cast<ICronTrigger>().ToList();

        Assert.Equal(["0 30 9 * * ?", "0 0 18 * * ?"], triggers.OrderBy(t => t.Key.Name, StringComparer.Ordinal).Select(t => t.CronExpressionString));
        Assert.All(triggers, t => Assert.Equal("Asia/Shanghai", t.TimeZone.Id));
        var next = triggers.Select(t => TimeZoneInfo.ConvertTime(t.NextFireTimeUtc!.Value, t.TimeZone)).Select(t => (t.Hour, t.Minute)).Order().ToList();
        Assert.Equal([(9, 30), (18, 0)], next);
    }

    [Fact]
    public async Task Job_TriggeredNow_WritesTheShiftsReportToTheFolder()
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;
        var folder = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "reports");

        await (await SchedulerAsync()).TriggerJob(HandoverReportJob.Key, TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "handover-*.json").Length == 1, 10, "the report files");
        Assert.Equal(3, Directory.GetFiles(folder, "handover-*").Length);
        Assert.Contains(number, await File.ReadAllTextAsync(Directory.GetFiles(folder, "handover-*.html")[0], TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

/// <summary><c>Reports:Scheduled</c> false: no handover job is scheduled.</summary>
public sealed class HandoverReportScheduleOffTests : EngineTestBase
{
    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reports:Scheduled"] = "false" };

    [Fact]
    public async Task Start_ScheduledFalse_NoHandoverJob()
    {
        var scheduler = await Engine.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        Assert.False(await scheduler.Exists(HandoverReportJob.Key, TestContext.Current.CancellationToken));
    }
}
