using AlertEngine.Reports;
using AlertEngine.Reports.Render;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>Durations and clocks in words, in English and Chinese; times on the team's clock.</summary>
public sealed class ReportLabelsTests
{
    // rule, duration, English, Chinese
    public static TheoryData<string, TimeSpan, string, string> Durations => new()
    {
        { "under a minute is 0 min", TimeSpan.FromSeconds(40), "0 min", "0 分" },
        { "under an hour in minutes", TimeSpan.FromMinutes(35), "35 min", "35 分" },
        { "seconds are dropped, not rounded", new TimeSpan(0, 35, 59), "35 min", "35 分" },
        { "an hour on with two-digit minutes", new TimeSpan(2, 5, 0), "2 h 05 min", "2 小时 05 分" },
        { "just under two days still in hours", new TimeSpan(47, 59, 0), "47 h 59 min", "47 小时 59 分" },
        { "two days on in days and hours", TimeSpan.FromHours(48), "2 d 0 h", "2 天 0 小时" },
        { "days and hours, minutes dropped", new TimeSpan(3, 4, 50, 0), "3 d 4 h", "3 天 4 小时" },
        { "negative as its size", TimeSpan.FromMinutes(-35), "35 min", "35 分" },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Duration_Length_IsWordedInEachLanguage(string rule, TimeSpan duration, string english, string chinese)
    {
        Assert.True(english == ReportLabels.English.Duration(duration), rule);
        Assert.True(chinese == ReportLabels.Chinese.Duration(duration), rule);
    }

    // rule, clock, English, Chinese
    public static TheoryData<string, SlaClock, string, string> Clocks => new()
    {
        { "running, time left", new SlaClock(SampleReports.End, new TimeSpan(2, 5, 0), null), "2 h 05 min left", "剩余 2 小时 05 分" },
        { "running, past", new SlaClock(SampleReports.End, TimeSpan.FromMinutes(-35), null), "35 min overdue", "已超时 35 分" },
        { "stopped in time", new SlaClock(SampleReports.End, TimeSpan.FromMinutes(-300), "met"), "met", "达成" },
        { "stopped late", new SlaClock(SampleReports.End, TimeSpan.FromMinutes(10), "breached"), "breached", "违约" },
        { "no deadline", SlaClock.None, "—", "—" },
    };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Clock_State_IsWordedInEachLanguage(string rule, SlaClock clock, string english, string chinese)
    {
        Assert.True(english == ReportLabels.English.Clock(clock), $"{rule}: {ReportLabels.English.Clock(clock)}");
        Assert.True(chinese == ReportLabels.Chinese.Clock(clock), $"{rule}: {ReportLabels.Chinese.Clock(clock)}");
    }

    [Fact]
    public void For_ZhCn_GivesChineseHeadings()
    {
        var labels = ReportLabels.For(ReportLanguage.ZhCn);

        Assert.Equal("交接班报告", labels.Handover);
        Assert.Equal("未关闭工单", labels.OpenTickets);
        Assert.Equal("Shift handover", ReportLabels.For(ReportLanguage.En).Handover);
    }

    [Fact]
    public void Name_KnownAndUnknownValues_AreTranslatedOrKept()
    {
        Assert.Equal("硬性时限", ReportLabels.Chinese.Name("hard-limit"));
        Assert.Equal("短信", ReportLabels.Chinese.Name(AlertEngine.Paging.PageChannel.Sms));
        Assert.Equal("pager", ReportLabels.Chinese.Name("pager"));
        Assert.Equal("disaster", ReportLabels.English.SeverityName(5));
        Assert.Equal("7", ReportLabels.English.SeverityName(7));
    }

    [Fact]
    public void LocalTime_ShiftDayAndOtherDays_ShowHourOrDateInTheTeamsZone()
    {
        var time = new LocalTime(SampleReports.Shanghai, SampleReports.Shift.From);

        Assert.Equal("15:55", time.Show(SampleReports.Local(2, 15, 55)));
        Assert.Equal("2026-03-03 09:00", time.Show(SampleReports.Local(3, 9, 0)));
        Assert.Equal("Asia/Shanghai (UTC+08:00)", time.ZoneName(SampleReports.End));
        Assert.Equal("2026-03-02 08:00 – 16:30", time.Span(SampleReports.Shift.From, SampleReports.Shift.To));
    }
}
