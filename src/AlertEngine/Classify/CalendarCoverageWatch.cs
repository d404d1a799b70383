using AlertEngine.Calendar;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Classify;

/// <summary>
/// Warns when the running rules' business calendar does not cover the next 30 days (no holiday
/// file for the coming year yet): <see cref="Warning"/> for <c>/healthz</c> and the handover
/// report, and a Warning in the log at start, once a day and after each reload while it holds.
/// </summary>
public sealed partial class CalendarCoverageWatch(RuleSetProvider rules, TimeProvider time, ILogger<CalendarCoverageWatch> logger) : BackgroundService
{
    /// <summary>How often the watch looks for a new day or a reloaded rule set.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private RuleSet? _checked;
    private DateOnly _checkedOn;

    /// <summary>The warning as of now, or null when the calendar covers the next 30 days.</summary>
    public string? Warning => CalendarCoverage.Warning(rules.Current.Calendar, time.GetUtcNow());

    /// <summary>Logs the warning when the rule set or the day has changed since the last check.</summary>
    public void Check()
    {
        var set = rules.Current;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, set.Calendar.TimeZone).DateTime);
        if (ReferenceEquals(set, _checked) && today == _checkedOn)
        {
            return;
        }

        (_checked, _checkedOn) = (set, today);
        if (CalendarCoverage.Warning(set.Calendar, now) is { } warning)
        {
            LogNotCovered(logger, warning);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Check();
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogNotCovered(ILogger logger, string warning);
}
