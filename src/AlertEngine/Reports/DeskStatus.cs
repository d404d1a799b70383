namespace AlertEngine.Reports;

/// <summary>
/// The desk at a glance, for the live status page at <c>/</c>: open tickets with their clocks,
/// who is on duty now, held pages, the latest events, and a warning (calendar, monitoring) when
/// there is one. Built by <c>DeskStatusBuilder</c>; rendered by <c>StatusPageHtml</c>.
/// </summary>
public sealed record DeskStatus(
    DateTimeOffset At,
    TimeZoneInfo TimeZone,
    IReadOnlyList<OpenTicket> OpenTickets,
    IReadOnlyList<DutyLine> OnDuty,
    IReadOnlyList<HeldPage> HeldPages,
    IReadOnlyList<RecentEvent> RecentEvents,
    IReadOnlyList<string> Warnings);

/// <summary>One event as it reached the inbox: when, from which Zabbix server, problem/update/recovery, Zabbix severity (0-5), host, problem name, and its ticket once processed.</summary>
public sealed record RecentEvent(DateTimeOffset ReceivedAt, string Server, string Kind, int Severity, string? Host, string? Name, string? TicketNumber);
