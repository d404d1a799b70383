using System.Globalization;

namespace AlertEngine.Calendar;

/// <summary>
/// Whether the holiday files cover the days ahead. Past <see cref="BusinessCalendar.CoveredUntil"/>
/// the calendar only knows the weekly hours: L3/L4 deadlines would count public holidays as
/// working days and miss the make-up days. Pure: the caller gives the instant.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>How far ahead the holiday files must reach before the engine warns.</summary>
    public static readonly int DaysAhead = 30;

    /// <summary>The warning when the calendar does not cover <paramref name="now"/> + 30 days (in its zone), otherwise null.</summary>
    public static string? Warning(BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var needed = today.AddDays(DaysAhead);
        if (calendar.CoveredUntil is not { } until)
        {
            return $"The business calendar has no holiday files: L3/L4 deadlines count public holidays as working days and miss the make-up days; add rules/holidays/{Year(today)}.yaml";
        }

        return until >= needed
            ? null
            : $"The business calendar covers public holidays only until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, less than {DaysAhead} days ahead: "
                + $"add rules/holidays/{Year(until.AddDays(1))}.yaml (days off and make-up working days from the State Council notice) before L3/L4 deadlines run past it";
    }

    private static string Year(DateOnly date) => date.Year.ToString(CultureInfo.InvariantCulture);
}
