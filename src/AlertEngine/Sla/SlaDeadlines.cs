using AlertEngine.Calendar;
using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>
/// The deadline arithmetic, pure: a level's terms from the SLA table, counted from the start in
/// wall time or in the calendar's business time. The respond warning comes at the table's share
/// of the respond window (75 %: 3 business hours into an L3's 4), counted the same way.
/// </summary>
public static class SlaDeadlines
{
    public static TicketDeadlines For(SupportLevel level, DateTimeOffset start, SlaTable table, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calendar);
        var terms = table.For(level);
        var warnAfter = TimeSpan.FromSeconds(Math.Round(terms.Respond.TotalSeconds * table.WarnShare));
        return new TicketDeadlines(
            After(terms, calendar, start, terms.Respond),
            After(terms, calendar, start, terms.Resolve),
            After(terms, calendar, start, terms.HardLimit),
            After(terms, calendar, start, warnAfter));
    }

    /// <summary>Counted time from <paramref name="since"/> to <paramref name="until"/>; zero when <paramref name="until"/> is not after it.</summary>
    public static TimeSpan Counted(SupportLevel level, DateTimeOffset since, DateTimeOffset until, SlaTable table, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calendar);
        if (until <= since)
        {
            return TimeSpan.Zero;
        }

        return table.For(level).BusinessTime ? calendar.BusinessTimeBetween(since, until) : until - since;
    }

    private static DateTimeOffset After(SlaTerms terms, BusinessCalendar calendar, DateTimeOffset start, TimeSpan span) =>
        terms.BusinessTime ? calendar.AddBusinessTime(start, span) : start + span;
}
