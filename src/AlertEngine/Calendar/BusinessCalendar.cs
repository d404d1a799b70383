namespace AlertEngine.Calendar;

/// <summary>
/// When business time runs: the weekly working hours on the wall clock of a time zone (e.g.
/// Monday–Friday 09:30–18:00 Asia/Shanghai), minus the days off of the holiday files, plus the
/// weekend days they declare working days (make-up days). Hours run from <see cref="OpensAt"/>
/// (included) to <see cref="ClosesAt"/> (not included) with no break; a day's business time is
/// worked out between instants, so a daylight-saving change inside the hours counts exactly.
/// Pure: no clock, no I/O.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far <see cref="AddBusinessTime"/> looks for working days before it gives up (ten years).</summary>
    private const int MaxDays = 3660;

    private readonly int _weekdays;

    /// <param name="zone">The wall clock of the hours and of the dates.</param>
    /// <param name="weekdays">The days of the week that are working days unless a holiday file says otherwise.</param>
    /// <param name="opensAt">Time of day business time starts.</param>
    /// <param name="closesAt">Time of day it ends (after <paramref name="opensAt"/>; at most 24:00).</param>
    /// <param name="daysOff">Public holidays by date, with their names.</param>
    /// <param name="workingDays">Days that are working days although their weekday is not (make-up days), with their names.</param>
    /// <param name="coveredUntil">The last date the holiday files speak for; null when there are none.</param>
    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DayOfWeek> weekdays, TimeSpan opensAt, TimeSpan closesAt,
        IReadOnlyDictionary<DateOnly, string> daysOff, IReadOnlyDictionary<DateOnly, string> workingDays, DateOnly? coveredUntil)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weekdays);
        if (opensAt < TimeSpan.Zero || closesAt <= opensAt || closesAt > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(closesAt), "business hours must close after they open, on the same day");
        }

        TimeZone = zone;
        _weekdays = weekdays.Aggregate(0, (mask, day) => mask | (1 << (int)day));
        OpensAt = opensAt;
        ClosesAt = closesAt;
        DaysOff = daysOff;
        WorkingDays = workingDays;
        CoveredUntil = coveredUntil;
    }

    public TimeZoneInfo TimeZone { get; }

    public TimeSpan OpensAt { get; }

    public TimeSpan ClosesAt { get; }

    /// <summary>One business day: the length of a working day's hours (8.5 h for 09:30–18:00).</summary>
    public TimeSpan BusinessDay => ClosesAt - OpensAt;

    public IReadOnlyDictionary<DateOnly, string> DaysOff { get; }

    public IReadOnlyDictionary<DateOnly, string> WorkingDays { get; }

    /// <summary>The last date of the last holiday year given; null when no holiday file is given.</summary>
    public DateOnly? CoveredUntil { get; }

    /// <summary>The same hours and dates on another wall clock (a team in another time zone).</summary>
    public BusinessCalendar InZone(TimeZoneInfo zone) =>
        ReferenceEquals(zone, TimeZone) ? this : new BusinessCalendar(zone, Weekdays(), OpensAt, ClosesAt, DaysOff, WorkingDays, CoveredUntil);

    public bool IsWorkingDay(DateOnly date) =>
        WorkingDays.ContainsKey(date) || (IsWorkingWeekday(date.DayOfWeek) && !DaysOff.ContainsKey(date));

    /// <summary>True when the weekly hours list the day of the week (holidays aside).</summary>
    public bool IsWorkingWeekday(DayOfWeek day) => ((_weekdays >> (int)day) & 1) == 1;

    /// <summary>True when a wall-clock time of this calendar's zone is in business hours on a working day.</summary>
    public bool IsBusinessLocal(DateTime local) =>
        IsWorkingDay(DateOnly.FromDateTime(local)) && local.TimeOfDay >= OpensAt && local.TimeOfDay < ClosesAt;

    public bool IsBusinessTime(DateTimeOffset instant) => IsBusinessLocal(ToLocal(instant));

    /// <summary>
    /// <paramref name="instant"/> itself when it is business time, else the next opening on a
    /// working day (09:30 the next business morning): when a page held for business hours goes out.
    /// </summary>
    public DateTimeOffset NextBusinessStart(DateTimeOffset instant) =>
        IsBusinessTime(instant) ? instant : AddBusinessTime(instant, TimeSpan.FromTicks(1)) - TimeSpan.FromTicks(1);

    /// <summary>Why a date is special: "public holiday (National Day)", "make-up working day (…)", or null.</summary>
    public string? DayNote(DateOnly date) =>
        WorkingDays.TryGetValue(date, out var work) ? $"a make-up working day{Named(work)}"
        : DaysOff.TryGetValue(date, out var off) ? $"a public holiday{Named(off)}"
        : null;

    /// <summary>
    /// The instant <paramref name="span"/> of business time after <paramref name="start"/>. Time
    /// outside business hours does not count; a result that lands exactly on closing time stays
    /// there (18:00 that day, not 09:30 the next working morning). A zero span gives the start.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        if (span == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = span;
        var date = DateOnly.FromDateTime(ToLocal(start));
        for (var i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var (open, close) = Hours(date);
            var from = start > open ? start : open;
            if (from >= close)
            {
                continue;
            }

            var available = close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"no working day within {MaxDays} days of {start:O}: the calendar has no business time");
    }

    /// <summary>Business time from <paramref name="from"/> to <paramref name="until"/>; zero when <paramref name="until"/> is not after it.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset until)
    {
        var total = TimeSpan.Zero;
        if (until <= from)
        {
            return total;
        }

        var last = DateOnly.FromDateTime(ToLocal(until));
        for (var date = DateOnly.FromDateTime(ToLocal(from)); date <= last; date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var (open, close) = Hours(date);
            var a = from > open ? from : open;
            var b = until < close ? until : close;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total;
    }

    /// <summary>The instants a working day's hours open and close.</summary>
    private (DateTimeOffset Open, DateTimeOffset Close) Hours(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return (ToInstant(midnight + OpensAt), ToInstant(midnight + ClosesAt));
    }

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>
    /// The instant of a wall-clock time. A time skipped by a daylight-saving change (02:30 on the
    /// spring morning) is the first instant after the gap; a time that happens twice (the autumn
    /// night) is its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private IEnumerable<DayOfWeek> Weekdays() => Enum.GetValues<DayOfWeek>().Where(IsWorkingWeekday);

    private static string Named(string name) => name.Length > 0 ? $" ({name})" : "";
}
