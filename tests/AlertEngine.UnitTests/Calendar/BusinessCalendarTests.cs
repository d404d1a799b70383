using System.Globalization;
using AlertEngine.Calendar;
using AlertEngine.Classify;
using AlertEngine.UnitTests.Classify;

namespace AlertEngine.UnitTests.Calendar;

/// <summary>The business calendar: working days, business time, daylight saving, coverage.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Shipped = RuleSetLoader.LoadFolder(ShippedRulesTests.RulesFolder()).Rules!.Calendar;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly Dictionary<DateOnly, string> None = [];

    // rule checked, date, working day
    public static TheoryData<string, string, bool> WorkingDays => new()
    {
        { "an ordinary Monday", "2026-11-30", true },
        { "an ordinary Saturday", "2026-11-28", false },
        { "National Day, a Thursday", "2026-10-01", false },
        { "the last day of the National Day week", "2026-10-07", false },
        { "the working Saturday after National Day", "2026-10-10", true },
        { "the make-up Saturday before Spring Festival", "2026-02-14", true },
        { "the make-up Sunday after New Year", "2026-01-04", true },
        { "New Year's day off on a Saturday", "2026-01-03", false },
        { "Spring Festival's Monday", "2026-02-23", false },
        { "Labour Day's Tuesday", "2026-05-05", false },
        { "past the holiday files: weekly hours only", "2027-10-01", true },
    };

    // rule checked, Beijing time, in business time
    public static TheoryData<string, string, bool> Instants => new()
    {
        { "opening is included", "2026-11-25 09:30:00", true },
        { "a second before opening", "2026-11-25 09:29:59", false },
        { "lunch is business time", "2026-11-25 12:30:00", true },
        { "a second before closing", "2026-11-25 17:59:59", true },
        { "closing is not included", "2026-11-25 18:00:00", false },
        { "a holiday morning", "2026-10-05 10:00:00", false },
        { "a make-up Saturday morning", "2026-10-10 10:00:00", true },
    };

    [Theory]
    [MemberData(nameof(WorkingDays))]
    public void IsWorkingDay_ShippedCalendar(string rule, string date, bool expected) =>
        Assert.True(expected == Shipped.IsWorkingDay(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)), rule);

    [Theory]
    [MemberData(nameof(Instants))]
    public void IsBusinessTime_ShippedCalendar(string rule, string at, bool expected) =>
        Assert.True(expected == Shipped.IsBusinessTime(Beijing(at)), rule);

    [Fact]
    public void BusinessDay_ShippedHours_IsEightAndAHalfHours() => Assert.Equal(TimeSpan.FromHours(8.5), Shipped.BusinessDay);

    [Fact]
    public void CoveredUntil_Shipped2026_IsTheLastDayOf2026() => Assert.Equal(new DateOnly(2026, 12, 31), Shipped.CoveredUntil);

    [Fact]
    public void AddBusinessTime_Zero_IsTheStartEvenOutsideHours() =>
        Assert.Equal(Beijing("2026-11-28 10:00:00"), Shipped.AddBusinessTime(Beijing("2026-11-28 10:00:00"), TimeSpan.Zero));

    [Fact]
    public void AddBusinessTime_AndBetween_AreInverse()
    {
        var start = Beijing("2026-09-29 11:07:00");
        var end = Shipped.AddBusinessTime(start, TimeSpan.FromHours(30));

        Assert.Equal(TimeSpan.FromHours(30), Shipped.BusinessTimeBetween(start, end));
    }

    [Fact]
    public void AddBusinessTime_BerlinOverTheSpringChange_CountsTheNewOffset()
    {
        var calendar = Weekdays(Berlin);
        var fridayFivePm = new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.FromHours(1));

        // 1h on Friday (CET), 3h on Monday (CEST): 12:30 Berlin = 10:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 30, 0, TimeSpan.Zero), calendar.AddBusinessTime(fridayFivePm, TimeSpan.FromHours(4)));
    }

    [Theory]
    [InlineData("2026-03-29", 23)]
    [InlineData("2026-10-25", 25)]
    [InlineData("2026-06-14", 24)]
    public void BusinessTimeBetween_BerlinWholeDay_CountsTheRealHours(string date, int hours)
    {
        var calendar = new BusinessCalendar(Berlin, Enum.GetValues<DayOfWeek>(), TimeSpan.Zero, TimeSpan.FromDays(1), None, None, null);
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Berlin.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        var next = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var until = new DateTimeOffset(next, Berlin.GetUtcOffset(next));

        Assert.Equal(TimeSpan.FromHours(hours), calendar.BusinessTimeBetween(from, until));
    }

    [Fact]
    public void BusinessTimeBetween_HoursOpeningInTheSpringGap_OpenWhenTheGapEnds()
    {
        // 02:30 does not exist in Berlin on 2026-03-29 (02:00 → 03:00): the hours open at 03:00.
        var calendar = new BusinessCalendar(Berlin, [DayOfWeek.Sunday], TimeSpan.FromMinutes(150), TimeSpan.FromHours(4), None, None, null);

        Assert.Equal(TimeSpan.FromHours(1), calendar.BusinessTimeBetween(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void InZone_SameDatesOnAnotherWallClock()
    {
        var berlin = Shipped.InZone(Berlin);

        // 2026-10-10 is a make-up Saturday: 10:00 in Berlin is business time there too.
        Assert.True(berlin.IsBusinessTime(new DateTimeOffset(2026, 10, 10, 10, 0, 0, TimeSpan.FromHours(2))));
        Assert.False(Shipped.IsBusinessTime(new DateTimeOffset(2026, 10, 10, 18, 30, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Coverage_MoreThan30DaysLeft_NoWarning() =>
        Assert.Null(CalendarCoverage.Warning(Shipped, Beijing("2026-12-01 10:00:00")));

    [Fact]
    public void Coverage_LessThan30DaysLeft_WarnsToAddNextYear() =>
        Assert.Equal(
            "The business calendar covers public holidays only until 2026-12-31, less than 30 days ahead: add rules/holidays/2027.yaml "
            + "(days off and make-up working days from the State Council notice) before L3/L4 deadlines run past it",
            CalendarCoverage.Warning(Shipped, Beijing("2026-12-02 00:00:00")));

    [Fact]
    public void Coverage_DayIsTheCalendarsDay_NotUtc() =>
        Assert.NotNull(CalendarCoverage.Warning(Shipped, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Coverage_NoHolidayFiles_WarnsToAddThisYear() =>
        Assert.Equal(
            "The business calendar has no holiday files: L3/L4 deadlines count public holidays as working days and miss the make-up days; add rules/holidays/2026.yaml",
            CalendarCoverage.Warning(InlineRules.Load("rules: []\n").Calendar, Beijing("2026-11-25 10:00:00")));

    // rule checked, instant (Beijing), next business start (Beijing)
    public static TheoryData<string, string, string> NextBusinessStarts => new()
    {
        { "in business hours: now", "2026-12-01 10:00:00", "2026-12-01 10:00:00" },
        { "a weekday evening: the next morning", "2026-12-01 20:00:00", "2026-12-02 09:30:00" },
        { "just before opening: opening", "2026-12-02 09:29:00", "2026-12-02 09:30:00" },
        { "at closing time: the next morning", "2026-12-01 18:00:00", "2026-12-02 09:30:00" },
        { "Friday night: Monday morning", "2026-12-04 20:00:00", "2026-12-07 09:30:00" },
        { "the eve of National Day: after the holiday week", "2026-09-30 20:00:00", "2026-10-08 09:30:00" },
    };

    [Theory]
    [MemberData(nameof(NextBusinessStarts))]
    public void NextBusinessStart_ShippedCalendar_IsWhenAHeldPageGoesOut(string rule, string at, string expected) =>
        Assert.True(Beijing(expected) == Shipped.NextBusinessStart(Beijing(at)), rule);

    private static BusinessCalendar Weekdays(TimeZoneInfo zone) =>
        new(zone, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            TimeSpan.FromMinutes(570), TimeSpan.FromHours(18), None, None, null);

    private static DateTimeOffset Beijing(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
