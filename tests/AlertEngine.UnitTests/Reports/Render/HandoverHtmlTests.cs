using AlertEngine.Reports;
using AlertEngine.Reports.Render;
using static AlertEngine.UnitTests.Reports.Render.RenderedHtml;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>The handover report as one page: sections in order, exact rows and counts, charts, escaping, quiet shifts.</summary>
public sealed class HandoverHtmlTests
{
    private static readonly string Busy = HandoverHtml.Render(SampleReports.Busy(), ReportLanguage.En);

    [Fact]
    public void Render_BusyShift_HasEverySectionInOrder()
    {
        var page = Parse(Busy);

        var sections = page.Descendants("section").Select(s => (string?)s.Attribute("id") ?? "").ToArray();

        Assert.Equal(["summary", "open-tickets", "activity", "problems", "noisy", "pages", "failed-pages", "held-pages", "maintenance", "calendar-warnings", "next-shift"], sections);
        Assert.All(page.Descendants("section"), s => Assert.Equal("h2", s.Elements().First().Name.LocalName));
    }

    [Fact]
    public void Render_BusyShift_CountsEveryTotal()
    {
        var page = Parse(Busy);

        string[] keys = ["openNow", "opened", "acknowledged", "resolved", "breached", "events", "pagesSent", "pagesFailed", "pagesHeld", "openL1", "openL2", "openL3", "openL4"];
        Assert.Equal(["3", "2", "1", "1", "1", "24", "2", "1", "1", "1", "1", "1", "0"], keys.Select(k => Count(page, k)));
    }

    [Fact]
    public void Render_BusyShift_ListsOpenTicketsByLevelWithTheirClocks()
    {
        var open = Section(Parse(Busy), "open-tickets");

        Assert.Equal(["1201", "1195", "1180"], TicketRows(open));
        Assert.Equal(["1201", "L1", "35 min overdue", "3 h 10 min left", "Disk full on /var ×3", "Li Wei", "open", "NC", "srv-nc-web1", "ALERT", "15:40"], Row(open, "1201"));
        Assert.Equal(["1195", "L2", "met", "2 h 05 min left", SampleReports.ScriptTitle, "Zhang San", "acknowledged", "ACME", "db-acme-2", "ALERT", "10:15"], Row(open, "1195"));
        Assert.Equal(["1180", "L3", "2 d 16 h left", "6 d 16 h left", SampleReports.PipeTitle, "nobody", "open", "", "gw-core-2", "ALERT", "2026-03-01 09:00"], Row(open, "1180"));
    }

    [Fact]
    public void Render_BusyShift_ListsActivityPagesAndNextShift()
    {
        var page = Parse(Busy);

        Assert.Equal(["1201", "1195"], TicketRows(Section(page, "opened")));
        Assert.Equal(["1195"], TicketRows(Section(page, "acknowledged")));
        Assert.Equal(["1190"], TicketRows(Section(page, "resolved")));
        Assert.Equal(["1201", "L1", "NC", "Disk full on /var", "respond", "15:55"], Row(Section(page, "breached"), "1201"));
        Assert.Equal(["1170", "L3", "open", "NC", "MySQL replication lag", "14", "5", "2026-03-01 22:10"], Row(Section(page, "problems"), "1170"));
        Assert.Equal(["1195", "L2", "Zhang San", "SMS", "10:36", "delivered", "4 min", "Zhang San", "SMS"], Row(Section(page, "pages"), "1195"));
        Assert.Equal(["1201", "L1", "Li Wei", "call", "15:41", "21217 Phone number does not appear to be valid"], Row(Section(page, "failed-pages"), "1201"));
        Assert.Equal(["1180", "L3", "network", "", SampleReports.PipeTitle, "2026-03-03 09:00"], Row(Section(page, "held-pages"), "1180"));
        Assert.Equal(["MySQL replication lag", "db-nc-1", "14"], Section(page, "noisy-triggers").Descendants("tr").Skip(1).First().Elements("td").Select(td => td.Value));
        var next = Section(page, "next-shift").Descendants("tr").Skip(1).Select(r => string.Join(" | ", r.Elements("td").Select(td => td.Value)));
        Assert.Equal(["ops | Wang Fang | Chen Jie | evening | 2026-03-03 00:30", "network (covered by ops) | Wang Fang |  | after hours | 2026-03-03 08:00"], next);
    }

    [Fact]
    public void Render_BusyShift_DrawsThreeChartsWithTitles()
    {
        var svgs = Parse(Busy).Descendants("svg").ToList();

        Assert.Equal(3, svgs.Count);
        Assert.All(svgs, svg => Assert.Equal("img", (string?)svg.Attribute("role")));
        Assert.Equal(["Events per hour", "Open tickets by level", "Time left to the next deadline"], svgs.Select(s => s.Element("title")?.Value));
        Assert.Equal(["08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"], svgs[0].Elements("g").Select(g => g.Elements("text").Last().Value));
        Assert.Equal(["#d32f2f", "#ef6c00", "#f9a825", "#607d8b"], svgs[1].Descendants("rect").Select(r => (string?)r.Attribute("fill")));
        Assert.Equal(["1201", "1195", "1180"], svgs[2].Elements("g").Select(g => (string?)g.Attribute("data-ticket")));
        Assert.Equal("#d32f2f", (string?)svgs[2].Elements("g").First().Element("rect")?.Attribute("fill"));
    }

    [Fact]
    public void Render_BusyShift_IsSelfContainedAndEscapesTitles()
    {
        Assert.DoesNotContain("src=", Busy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", Busy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Busy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Busy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", Busy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Busy, StringComparison.Ordinal);
        Assert.Contains("""<meta name="viewport" content="width=device-width, initial-scale=1"/>""", Busy, StringComparison.Ordinal);
        Assert.Contains("@media print", Busy, StringComparison.Ordinal);
        Assert.Contains("page-break-inside: avoid", Busy, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BusyShift_SaysTheShiftAndItsZoneOnce()
    {
        var header = Parse(Busy).Descendants("header").Single();

        Assert.Equal("Shift handover", header.Element("h1")?.Value);
        Assert.Equal("2026-03-02 08:00 – 16:30", header.Elements("p").First().Value);
        Assert.Equal("Time zone: Asia/Shanghai (UTC+08:00) · Generated 2026-03-02 16:30", header.Elements("p").Last().Value);
    }

    [Fact]
    public void Render_Chinese_UsesChineseLabels()
    {
        var page = Parse(HandoverHtml.Render(SampleReports.Busy(), ReportLanguage.ZhCn));

        Assert.Equal("zh-CN", (string?)page.Root?.Attribute("lang"));
        Assert.Equal("交接班报告", page.Descendants("h1").Single().Value);
        Assert.Equal("未关闭工单", Section(page, "open-tickets").Element("h2")?.Value);
        var row = Row(Section(page, "open-tickets"), "1201");
        Assert.Equal(["未处理", "已超时 35 分", "剩余 3 小时 10 分"], [row[6], row[2], row[3]]);
        Assert.Equal("达成", Row(Section(page, "open-tickets"), "1195")[2]);
    }

    [Fact]
    public void Render_QuietShift_IsShortAndFriendly()
    {
        var html = HandoverHtml.Render(SampleReports.Quiet(), ReportLanguage.En);
        var page = Parse(html);

        Assert.True(html.Length < 8_000, $"{html.Length} characters");
        Assert.Equal("A quiet shift: no tickets opened, none open, no pages.", Section(page, "summary").Value);
        Assert.Empty(page.Descendants("svg"));
        Assert.False(Has(page, "open-tickets"));
        Assert.Equal(["srv-nc-app3: patching until 18:00"], Section(page, "maintenance").Descendants("li").Select(li => li.Value));
        Assert.Equal(2, Section(page, "next-shift").Descendants("tr").Count(r => r.Attribute("data-team") is not null));
    }

    [Fact]
    public void Render_QuietShiftInChinese_SaysSoInChinese()
    {
        var html = HandoverHtml.Render(SampleReports.Quiet(), ReportLanguage.ZhCn);

        Assert.Contains("平安无事的一班：没有新工单，没有未关闭工单，没有告警呼叫。", html, StringComparison.Ordinal);
    }
}
