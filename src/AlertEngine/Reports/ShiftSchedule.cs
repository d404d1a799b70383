using Quartz;

namespace AlertEngine.Reports;

/// <summary>
/// The shift changes (<c>Reports:Schedules</c>, cron in the team's zone) and the shifts between
/// them. A shift runs from one change to the next, whichever schedule each comes from: with the
/// defaults, 09:30–18:00 (day) and 18:00–09:30 (night). Pure: the caller gives the instant.
/// </summary>
public sealed class ShiftSchedule
{
    /// <summary>How far back a change counts; a schedule with no change in this span gives a one-day shift.</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(32);

    /// <summary>Most fire times walked per schedule (a month of a schedule that fires every minute).</summary>
    private const int MaxSteps = 50_000;

    private readonly CronExpression[] _changes;

    public ShiftSchedule(IEnumerable<string> cronExpressions, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(cronExpressions);
        TimeZone = zone ?? throw new ArgumentNullException(nameof(zone));
        Expressions = [.. cronExpressions];
        _changes = [.. Expressions.Select(e => new CronExpression(e, zone))];
    }

    /// <summary>The schedules of the options, or the defaults when none are given.</summary>
    public static ShiftSchedule From(ReportsOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ShiftSchedule(options.Schedules.Count > 0 ? options.Schedules : ReportsOptions.DefaultSchedules, zone);
    }

    /// <summary>The team's zone the schedules run in.</summary>
    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<string> Expressions { get; }

    /// <summary>The shift that ends at the change <paramref name="end"/>: from the change before it (of any schedule).</summary>
    public ReportShift EndingAt(DateTimeOffset end) =>
        new(LastChangeBefore(end) ?? end.AddDays(-1), end, TimeZone);

    /// <summary>The shift that just ended at <paramref name="now"/>: between the last two changes at or before it.</summary>
    public ReportShift JustEnded(DateTimeOffset now) => EndingAt(LastChangeBefore(now.AddTicks(1)) ?? now);

    /// <summary>The shift running at <paramref name="now"/>: from the last change to the next.</summary>
    public ReportShift Current(DateTimeOffset now)
    {
        var next = _changes.Select(c => c.GetNextValidTimeAfter(now)).Where(t => t is not null).Min() ?? now.AddDays(1);
        return new ReportShift(LastChangeBefore(now.AddTicks(1)) ?? now, next, TimeZone);
    }

    /// <summary>The latest change strictly before <paramref name="instant"/>, of any schedule; null when none in the last 32 days.</summary>
    public DateTimeOffset? LastChangeBefore(DateTimeOffset instant)
    {
        // Forward from a month back: Quartz's GetPreviousValidTimeBefore answered instants at or after
        // the one given for zones east of UTC, so it is not used.
        DateTimeOffset? latest = null;
        foreach (var change in _changes)
        {
            var steps = 0;
            for (var t = change.GetNextValidTimeAfter(instant - LookBack); t is { } at && at < instant && steps < MaxSteps; t = change.GetNextValidTimeAfter(at), steps++)
            {
                latest = latest is null || at > latest ? at : latest;
            }
        }

        return latest;
    }
}
