using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>
/// The service agreement's clock: deadlines per level from the SLA table and the business
/// calendar in the rules folder (L1/L2 count wall time, L3/L4 business time), and how much
/// counted time lies between two instants. The current rules decide; a reload changes it.
/// </summary>
public interface ISlaClock
{
    /// <summary>The deadlines of a ticket of <paramref name="level"/> whose problem started at <paramref name="start"/> (the Zabbix event clock).</summary>
    TicketDeadlines DeadlinesFor(SupportLevel level, DateTimeOffset start);

    /// <summary>Counted time from <paramref name="since"/> to <paramref name="until"/>: wall time for a level that counts wall time, business time otherwise; zero when <paramref name="until"/> is not after <paramref name="since"/>.</summary>
    TimeSpan Counted(SupportLevel level, DateTimeOffset since, DateTimeOffset until);

    /// <summary>True when the level's clock runs in business time (L3/L4 by default).</summary>
    bool CountsBusinessTime(SupportLevel level);
}

/// <summary>
/// A ticket's deadlines: respond by, resolve by, hard limit, and when the watcher pages again
/// before the respond deadline (a share of the respond window, e.g. 75 %).
/// </summary>
public sealed record TicketDeadlines(DateTimeOffset RespondBy, DateTimeOffset ResolveBy, DateTimeOffset HardLimit, DateTimeOffset RespondWarnAt);
