using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.Reports;

/// <summary>
/// The shift-handover report: what the outgoing shift hands to the next, for the shift
/// [<see cref="ReportShift.From"/>, <see cref="ReportShift.To"/>). Plain data built by
/// <c>HandoverReportBuilder</c> from the database, the rules and the roster; the
/// renderers (HTML, Markdown, JSON) only lay it out. Instants are UTC; they are shown in
/// <see cref="ReportShift.TimeZone"/>.
/// </summary>
public sealed record HandoverReport(
    ReportShift Shift,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<OpenTicket> OpenTickets,
    ShiftActivity Activity,
    IReadOnlyList<ProblemSummary> Problems,
    IReadOnlyList<NoisySource> NoisiestTriggers,
    IReadOnlyList<NoisySource> NoisiestHosts,
    IReadOnlyList<SentPage> Pages,
    IReadOnlyList<FailedPage> FailedPages,
    IReadOnlyList<HeldPage> HeldPages,
    IReadOnlyList<string> Maintenance,
    IReadOnlyList<string> CalendarWarnings,
    IReadOnlyList<DutyLine> NextShift,
    IReadOnlyList<HourCount> EventsPerHour)
{
    /// <summary>Events received in the shift (the sum of <see cref="EventsPerHour"/>).</summary>
    public int Events => EventsPerHour.Sum(h => h.Events);

    /// <summary>
    /// Nothing to hand over: no ticket open, nothing opened, acknowledged, resolved or breached,
    /// no PROBLEM ticket, no page sent, failed or held, no event. The renderers then write a short, friendly report.
    /// </summary>
    public bool IsQuiet =>
        OpenTickets.Count == 0 && Activity.IsEmpty && Problems.Count == 0 && Pages.Count == 0
        && FailedPages.Count == 0 && HeldPages.Count == 0 && Events == 0;
}

/// <summary>The shift a report covers: [From, To) in UTC, shown in <see cref="TimeZone"/> (the team's zone).</summary>
public sealed record ReportShift(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo TimeZone)
{
    /// <summary>An instant on the team's wall clock.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}

/// <summary>
/// A deadline of a ticket as the report shows it: when it is due, and time left at the report's
/// instant (negative: how long past); or, once the clock has stopped, whether it was met or breached.
/// </summary>
/// <param name="Due">The deadline (respond-by, resolve-by); null when the ticket has none.</param>
/// <param name="Left">Due minus the report's instant; negative once past. Null when <see cref="Due"/> is null.</param>
/// <param name="Outcome">"met" or "breached" once decided (e.g. a respond clock stopped by the acknowledgement); null while running.</param>
public sealed record SlaClock(DateTimeOffset? Due, TimeSpan? Left, string? Outcome)
{
    /// <summary>True while the clock runs and the deadline has passed.</summary>
    public bool IsPast => Outcome is null && Left is { } left && left < TimeSpan.Zero;

    public static SlaClock None { get; } = new(null, null, null);
}

/// <summary>
/// A ticket still open (or acknowledged) at the report's instant, with its clocks and who holds it:
/// the engineer who acknowledged it, else the last person paged for it, else nobody (null).
/// </summary>
public sealed record OpenTicket(
    string Number,
    TicketType Type,
    SupportLevel Level,
    TicketState State,
    string? Customer,
    string? Host,
    string Title,
    DateTimeOffset OpenedAt,
    string? Holder,
    SlaClock Respond,
    SlaClock Resolve,
    DateTimeOffset? HardLimitAt,
    int Occurrences);

/// <summary>What happened to tickets in the shift: opened, acknowledged, resolved (each with when and by whom), and the deadlines breached.</summary>
public sealed record ShiftActivity(
    IReadOnlyList<TicketMovement> Opened,
    IReadOnlyList<TicketMovement> Acknowledged,
    IReadOnlyList<TicketMovement> Resolved,
    IReadOnlyList<Breach> Breached)
{
    public bool IsEmpty => Opened.Count == 0 && Acknowledged.Count == 0 && Resolved.Count == 0 && Breached.Count == 0;

    public static ShiftActivity Empty { get; } = new([], [], [], []);
}

/// <summary>One ticket opened, acknowledged or resolved in the shift: when, and by whom (null for the engine itself, e.g. an opening).</summary>
public sealed record TicketMovement(string Number, TicketType Type, SupportLevel Level, string? Customer, string? Host, string Title, DateTimeOffset At, string? By);

/// <summary>A deadline that passed in the shift without being met: <paramref name="Deadline"/> is respond, resolve or hard-limit.</summary>
public sealed record Breach(string Number, SupportLevel Level, string? Customer, string Title, string Deadline, DateTimeOffset DueAt);

/// <summary>
/// A PROBLEM ticket opened in the shift or still open: its occurrences (repeats counted on it), the
/// ALERT tickets linked to it, and whether it was opened in this shift.
/// </summary>
public sealed record ProblemSummary(
    string Number,
    SupportLevel Level,
    TicketState State,
    string? Customer,
    string Title,
    int Occurrences,
    int LinkedAlerts,
    DateTimeOffset OpenedAt,
    bool OpenedInShift);

/// <summary>
/// A trigger or host by how many problem events it raised in the shift (noisiest first): for a
/// trigger, its problem name and host; for a host, its visible name (and no host).
/// </summary>
public sealed record NoisySource(string Name, string? Host, int Events);

/// <summary>
/// A page sent in the shift: to whom, how, Twilio's delivery status, and — once the ticket was
/// acknowledged after it — how long that took, by whom and through which channel (sms, call, link, api, zabbix).
/// </summary>
public sealed record SentPage(
    string Number,
    SupportLevel Level,
    string Person,
    PageChannel Channel,
    DateTimeOffset SentAt,
    string? DeliveryStatus,
    TimeSpan? TimeToAcknowledge,
    string? AcknowledgedBy,
    string? AcknowledgedVia);

/// <summary>A page that failed in the shift, with the reason (Twilio's error).</summary>
public sealed record FailedPage(string Number, SupportLevel Level, string Person, PageChannel Channel, DateTimeOffset At, string Reason);

/// <summary>A ticket whose pages are held for business hours: they go out at <paramref name="HeldUntil"/>.</summary>
public sealed record HeldPage(string Number, SupportLevel Level, string Team, string? Customer, string Title, DateTimeOffset HeldUntil);

/// <summary>
/// Who holds a team's pager (on duty now, or in the next shift): names only, never phone numbers.
/// <c>CoveringTeam</c> is the team that actually covers when it is another (a business-hours team
/// after hours), else null; <c>Reason</c> says why nobody is on duty when <c>Primary</c> is null.
/// </summary>
public sealed record DutyLine(string Team, string? CoveringTeam, string? Primary, string? Backup, string Shift, DateTimeOffset? ShiftEndsAt, string? Reason);

/// <summary>Events received in one hour of the shift (the hour's start, UTC).</summary>
public sealed record HourCount(DateTimeOffset HourStart, int Events);
