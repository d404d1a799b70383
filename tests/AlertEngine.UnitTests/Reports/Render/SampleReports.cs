using AlertEngine.Paging;
using AlertEngine.Reports;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>
/// A busy day shift in Shanghai, 2026-03-02 08:00–16:30 (00:00–08:30 UTC), reported at its end, with
/// three open tickets (L1 past its respond deadline, L2 acknowledged with respond met, L3 due in days),
/// and the quiet shift after it; the status page at the same instant.
/// </summary>
internal static class SampleReports
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly DateTimeOffset End = Local(2, 16, 30);

    public static readonly ReportShift Shift = new(Local(2, 8, 0), End, Shanghai);

    /// <summary>The L2 ticket's title, which must never run as markup.</summary>
    public const string ScriptTitle = "<script>alert(1)</script>";

    public const string PipeTitle = "Interface eth0 down | flapping";

    public static HandoverReport Busy() => new(
        Shift,
        End,
        OpenTickets(),
        new ShiftActivity(
            [Moved("1201", SupportLevel.L1, "Disk full on /var", Local(2, 15, 40), null), Moved("1195", SupportLevel.L2, ScriptTitle, Local(2, 10, 15), null)],
            [Moved("1195", SupportLevel.L2, ScriptTitle, Local(2, 10, 40), "Zhang San")],
            [Moved("1190", SupportLevel.L2, "High CPU load", Local(2, 11, 20), "Li Wei")],
            [new Breach("1201", SupportLevel.L1, "NC", "Disk full on /var", "respond", Local(2, 15, 55))]),
        [new ProblemSummary("1170", SupportLevel.L3, TicketState.Open, "NC", "MySQL replication lag", 14, 5, Local(1, 22, 10), false)],
        [new NoisySource("MySQL replication lag", "db-nc-1", 14), new NoisySource("Disk full on /var", "srv-nc-web1", 3)],
        [new NoisySource("db-nc-1", null, 14), new NoisySource("srv-nc-web1", null, 3)],
        [
            new SentPage("1195", SupportLevel.L2, "Zhang San", PageChannel.Sms, Local(2, 10, 36), "delivered", TimeSpan.FromMinutes(4), "Zhang San", "sms"),
            new SentPage("1201", SupportLevel.L1, "Li Wei", PageChannel.Sms, Local(2, 15, 41), "delivered", null, null, null),
        ],
        [new FailedPage("1201", SupportLevel.L1, "Li Wei", PageChannel.Call, Local(2, 15, 41), "21217 Phone number does not appear to be valid")],
        [Held()],
        ["srv-nc-app3: patching until 18:00"],
        ["The business calendar has no holidays for 2027."],
        NextShift(),
        [.. new[] { 2, 5, 1, 0, 0, 3, 4, 8, 1 }.Select((events, i) => new HourCount(Local(2, 8 + i, 0), events))]);

    public static HandoverReport Quiet() => new(
        Shift,
        End,
        [],
        ShiftActivity.Empty,
        [],
        [],
        [],
        [],
        [],
        [],
        ["srv-nc-app3: patching until 18:00"],
        [],
        NextShift(),
        [.. Enumerable.Range(0, 9).Select(i => new HourCount(Local(2, 8 + i, 0), 0))]);

    public static DeskStatus Status() => new(
        End,
        Shanghai,
        OpenTickets(),
        [new DutyLine("ops", null, "Li Wei", "Zhang San", "day", Local(2, 16, 30), null), new DutyLine("network", null, null, null, "business hours", null, "outside business hours")],
        [Held()],
        [
            new RecentEvent(Local(2, 16, 28), "zbx-nc", "problem", 4, "srv-nc-web1", "Disk full on /var", "1201"),
            new RecentEvent(Local(2, 16, 20), "zbx-core", "recovery", 2, "gw-core-2", "Interface eth0 down", null),
        ],
        ["Zabbix server zbx-core has not been heard from for 12 min"]);

    /// <summary>An instant given on Shanghai's clock in March 2026, as UTC.</summary>
    public static DateTimeOffset Local(int day, int hour, int minute) =>
        new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static OpenTicket[] OpenTickets() =>
    [
        // In the order L3, L1, L2 so that the renderers must sort them.
        Open("1180", SupportLevel.L3, TicketState.Open, null, "gw-core-2", PipeTitle, Local(1, 9, 0), null, Running(Local(5, 9, 0)), Running(Local(9, 9, 0)), 1),
        Open("1201", SupportLevel.L1, TicketState.Open, "NC", "srv-nc-web1", "Disk full on /var", Local(2, 15, 40), "Li Wei", Running(Local(2, 15, 55)), Running(Local(2, 19, 40)), 3),
        Open("1195", SupportLevel.L2, TicketState.Acknowledged, "ACME", "db-acme-2", ScriptTitle, Local(2, 10, 15), "Zhang San", new SlaClock(Local(2, 10, 45), Local(2, 10, 45) - End, "met"), Running(Local(2, 18, 35)), 1),
    ];

    private static OpenTicket Open(string number, SupportLevel level, TicketState state, string? customer, string host, string title, DateTimeOffset opened, string? holder, SlaClock respond, SlaClock resolve, int occurrences) =>
        new(number, TicketType.ALERT, level, state, customer, host, title, opened, holder, respond, resolve, null, occurrences);

    private static SlaClock Running(DateTimeOffset due) => new(due, due - End, null);

    private static TicketMovement Moved(string number, SupportLevel level, string title, DateTimeOffset at, string? by) =>
        new(number, TicketType.ALERT, level, level == SupportLevel.L1 ? "NC" : number == "1195" ? "ACME" : "NC", "srv-nc-web1", title, at, by);

    private static HeldPage Held() => new("1180", SupportLevel.L3, "network", null, PipeTitle, Local(3, 9, 0));

    private static DutyLine[] NextShift() =>
    [
        new DutyLine("ops", null, "Wang Fang", "Chen Jie", "evening", Local(3, 0, 30), null),
        new DutyLine("network", "ops", "Wang Fang", null, "after hours", Local(3, 8, 0), null),
    ];
}
