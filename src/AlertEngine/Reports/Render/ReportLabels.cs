namespace AlertEngine.Reports.Render;

/// <summary>
/// Every word the handover report and the status page show, in one language (<see cref="For"/>):
/// headings, column names, counts, and the templates of durations and clocks
/// (<c>{0}</c> holes, filled by <see cref="Duration"/> and <see cref="Clock"/> here and by the
/// status page's countdown script in the browser, so both say the same).
/// </summary>
public sealed partial class ReportLabels
{
    private ReportLabels()
    {
    }

    public static ReportLabels For(ReportLanguage language) => language == ReportLanguage.ZhCn ? Chinese : English;

    /// <summary>The page's <c>lang</c> attribute.</summary>
    public required string Lang { get; init; }

    // Titles and header.
    public required string Handover { get; init; }
    public required string DeskStatus { get; init; }
    public required string TimeZone { get; init; }
    public required string Generated { get; init; }
    public required string AsOf { get; init; }
    public required string Quiet { get; init; }
    public required string NoOpenTickets { get; init; }

    // Sections.
    public required string Summary { get; init; }
    public required string OpenTickets { get; init; }
    public required string Activity { get; init; }
    public required string Problems { get; init; }
    public required string NoisiestTriggers { get; init; }
    public required string NoisiestHosts { get; init; }
    public required string Pages { get; init; }
    public required string FailedPages { get; init; }
    public required string HeldPages { get; init; }
    public required string Maintenance { get; init; }
    public required string CalendarWarnings { get; init; }
    public required string NextShift { get; init; }
    public required string OnDutyNow { get; init; }
    public required string RecentEvents { get; init; }
    public required string Warnings { get; init; }

    // Counts (the summary) and the activity's parts.
    public required string OpenNow { get; init; }
    public required string Opened { get; init; }
    public required string Acknowledged { get; init; }
    public required string Resolved { get; init; }
    public required string Breached { get; init; }
    public required string Events { get; init; }
    public required string PagesSent { get; init; }
    public required string PagesFailed { get; init; }
    public required string PagesHeld { get; init; }

    // Charts.
    public required string EventsPerHour { get; init; }
    public required string OpenByLevel { get; init; }
    public required string SlaLeft { get; init; }

    // Columns.
    public required string Ticket { get; init; }
    public required string Type { get; init; }
    public required string Level { get; init; }
    public required string State { get; init; }
    public required string Customer { get; init; }
    public required string Host { get; init; }
    public required string Title { get; init; }
    public required string OpenedAt { get; init; }
    public required string Holder { get; init; }
    public required string Respond { get; init; }
    public required string Resolve { get; init; }
    public required string Occurrences { get; init; }
    public required string LinkedAlerts { get; init; }
    public required string Time { get; init; }
    public required string By { get; init; }
    public required string Deadline { get; init; }
    public required string Due { get; init; }
    public required string Trigger { get; init; }
    public required string Person { get; init; }
    public required string Channel { get; init; }
    public required string Delivery { get; init; }
    public required string TimeToAcknowledge { get; init; }
    public required string AcknowledgedVia { get; init; }
    public required string Reason { get; init; }
    public required string Team { get; init; }
    public required string CoveredBy { get; init; }
    public required string Primary { get; init; }
    public required string Backup { get; init; }
    public required string Shift { get; init; }
    public required string Until { get; init; }
    public required string HeldUntil { get; init; }
    public required string Server { get; init; }
    public required string Kind { get; init; }
    public required string Severity { get; init; }
    public required string Problem { get; init; }
    public required string Nobody { get; init; }
    public required string Yes { get; init; }

    // Templates: {0} the minutes, hours or days; {1} the minutes (two digits) or hours after them.
    public required string Minutes { get; init; }
    public required string HoursMinutes { get; init; }
    public required string DaysHours { get; init; }
    public required string Left { get; init; }
    public required string Overdue { get; init; }
    public required string Met { get; init; }
    public required string BreachedOutcome { get; init; }

    // Names of values: ticket states, page channels (and acknowledgement channels), deadlines,
    // event kinds, Zabbix severities 0-5.
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    public required IReadOnlyList<string> Severities { get; init; }
}
