using AlertEngine.Classify;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Paging;
using AlertEngine.Reports;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using static AlertEngine.IntegrationTests.Reports.ShiftSeed;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>The handover report's content from a seeded database (<see cref="ShiftSeed"/>): every section, exact rows and totals.</summary>
public sealed class HandoverReportBuilderTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteConnectionFactory _connections;
    private readonly RuleSet _rules;

    public HandoverReportBuilderTests()
    {
        _connections = ShiftSeed.Database(_db.Path);
        _rules = ShiftSeed.Rules(_db.Folder);
    }

    public void Dispose() => _db.Dispose();

    private HandoverReport Build(DateTimeOffset? now = null)
    {
        using var connection = _connections.Open();
        return HandoverReportBuilder.Build(connection, _rules, new ReportShift(From, To, Shanghai), now ?? To.AddMinutes(1), ReportLanguage.En);
    }

    [Fact]
    public void Build_SeededDayShift_OpenTicketsAtTheEndWithTheirClocksAndHolders()
    {
        var open = Build().OpenTickets;

        Assert.Equal(["T1002", "T1003", "T1004", "T1006"], open.Select(t => t.Number));
        var t1002 = open[0];
        Assert.Equal((SupportLevel.L2, TicketState.Open, "李娜"), (t1002.Level, t1002.State, t1002.Holder));
        Assert.Equal(new SlaClock(Local(11, 17, 11, 30), TimeSpan.FromHours(-6.5), null), t1002.Respond);
        Assert.Equal(new SlaClock(Local(11, 17, 13, 0), TimeSpan.FromHours(-5), null), t1002.Resolve);
        Assert.True(t1002.Respond.IsPast);
        var t1003 = open[1];
        Assert.Equal((TicketState.Acknowledged, "李娜", "met"), (t1003.State, t1003.Holder, t1003.Respond.Outcome));
        Assert.Equal(TimeSpan.FromHours(19.5), t1003.Resolve.Left);
        Assert.Equal((TicketType.PROBLEM, "陈杰", 3), (open[2].Type, open[2].Holder, open[2].Occurrences));
        Assert.Equal((SupportLevel.L4, (string?)null, TimeSpan.FromMinutes(23 * 60 + 58)), (open[3].Level, open[3].Holder, open[3].Respond.Left));
    }

    [Fact]
    public void Build_SeededDayShift_OpenedAcknowledgedResolvedAndBreachedInTheShift()
    {
        var activity = Build().Activity;

        Assert.Equal(["T1001", "T1002", "T1004", "T1006"], activity.Opened.Select(t => t.Number));
        Assert.Equal([("T1003", "李娜"), ("T1001", "张伟"), ("T1004", "陈杰")], activity.Acknowledged.Select(t => (t.Number, t.By!)));
        Assert.Equal([("T1001", "Zabbix", Local(11, 17, 10, 30))], activity.Resolved.Select(t => (t.Number, t.By!, t.At)));
        Assert.Equal(
            [("T1002", "respond", Local(11, 17, 11, 30)), ("T1002", "resolve", Local(11, 17, 13, 0)), ("T1002", "hard-limit", Local(11, 17, 17, 0))],
            activity.Breached.Select(b => (b.Number, b.Deadline, b.DueAt)));
    }

    [Fact]
    public void Build_SeededDayShift_ProblemsNoiseAndEventsPerHour()
    {
        var report = Build();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("T1004", TicketState.Acknowledged, 3, 1, true), (problem.Number, problem.State, problem.Occurrences, problem.LinkedAlerts, problem.OpenedInShift));
        Assert.Equal(
            [("Disk /var is full", "srv-acme-db1", 2), ("Certificate expires in 30 days", "srv-acme-db1", 1), ("Site unreachable", "srv-nc-web1", 1)],
            report.NoisiestTriggers.Select(n => (n.Name, n.Host!, n.Events)));
        Assert.Equal([("srv-acme-db1", 3), ("srv-nc-web1", 1)], report.NoisiestHosts.Select(n => (n.Name, n.Events)));
        Assert.Equal([1, 4, 2, 1, 0, 0, 0, 0, 1], report.EventsPerHour.Select(h => h.Events));
        Assert.Equal(Local(11, 17, 9, 0), report.EventsPerHour[0].HourStart);
        Assert.Equal(9, report.Events);
    }

    [Fact]
    public void Build_SeededDayShift_PagesWithTimeToAcknowledgeFailedAndHeld()
    {
        var report = Build();

        Assert.Equal(
            [
                ("T1001", "张伟", PageChannel.Sms, (TimeSpan?)TimeSpan.FromSeconds(235), "sms"),
                ("T1001", "张伟", PageChannel.Call, TimeSpan.FromSeconds(234), "sms"),
                ("T1002", "王芳", PageChannel.Sms, null, null),
                ("T1002", "李娜", PageChannel.Sms, null, null),
            ],
            report.Pages.Select(p => (p.Number, p.Person, p.Channel, p.TimeToAcknowledge, p.AcknowledgedVia)));
        Assert.Equal(
            [("T1002", "王芳", PageChannel.Call, "Twilio 21211: invalid 'To' phone number"), ("T1002", "李娜", PageChannel.Sms, "Twilio reports undelivered")],
            report.FailedPages.Select(p => (p.Number, p.Person, p.Channel, p.Reason)));
        Assert.Equal([("T1006", Local(11, 18, 9, 30))], report.HeldPages.Select(h => (h.Number, h.HeldUntil)));
    }

    [Fact]
    public void Build_SeededDayShift_MaintenanceInForceAndTheNextShiftOnDuty()
    {
        var report = Build();

        Assert.Equal("nc-db-patching", Assert.Single(report.Maintenance).Split(':')[0]);
        Assert.Equal(["app-support", "ops"], report.NextShift.Select(d => d.Team));
        var ops = report.NextShift[1];
        var expected = _rules.Roster.OnDutyAt("ops", To);
        Assert.Equal((expected.Primary!.Name, "night"), (ops.Primary, ops.Shift));
        Assert.Equal(("ops", expected.Primary.Name), (report.NextShift[0].CoveringTeam, report.NextShift[0].Primary));
        Assert.False(report.IsQuiet);
    }

    [Fact]
    public void Build_TheShiftBefore_QuietButForTheTicketStillOpen()
    {
        using var connection = _connections.Open();
        var report = HandoverReportBuilder.Build(connection, _rules, new ReportShift(Local(11, 16, 18, 0), Local(11, 17, 9, 30), Shanghai), To, ReportLanguage.En);

        Assert.Equal(["T1003"], report.OpenTickets.Select(t => t.Number));
        Assert.Equal(TicketState.Open, report.OpenTickets[0].State);
        Assert.Equal(["T1003"], report.Activity.Opened.Select(t => t.Number));
        Assert.Equal(1, report.Events);
    }

    [Fact]
    public void Build_AWeekLater_QuietShift()
    {
        using var connection = _connections.Open();
        connection.Execute("UPDATE tickets SET state = 'closed', closed_at = @at WHERE state <> 'resolved'", new { at = UnixTime.ToMs(Local(11, 18, 0, 0)) });
        var report = HandoverReportBuilder.Build(connection, _rules, new ReportShift(Local(11, 24, 9, 30), Local(11, 24, 18, 0), Shanghai), Local(11, 24, 18, 0), ReportLanguage.En);

        Assert.True(report.IsQuiet);
        Assert.NotEmpty(report.NextShift);
    }
}
