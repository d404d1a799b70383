using System.Globalization;
using AlertEngine.Reports;
using AlertEngine.Reports.Render;
using Jint;
using static AlertEngine.UnitTests.Reports.Render.RenderedHtml;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>The live status page: countdown clocks with their deadlines, self-refresh, on duty, events, warnings first.</summary>
public sealed class StatusPageHtmlTests
{
    // 2026-03-02T07:55:00Z (15:55 in Shanghai): the L1 ticket's respond-by.
    private const long L1RespondBy = 1_772_438_100_000;

    private static readonly string Html = StatusPageHtml.Render(SampleReports.Status(), ReportLanguage.En, TimeSpan.FromSeconds(30));

    [Fact]
    public void Render_Status_RefreshesItselfAndCarriesEachRunningDeadline()
    {
        var page = Parse(Html);
        var open = Section(page, "open-tickets");

        Assert.Equal("30", (string?)page.Descendants("meta").Single(m => (string?)m.Attribute("http-equiv") == "refresh").Attribute("content"));
        Assert.Equal(["1201", "1195", "1180"], TicketRows(open));
        var clocks = open.Descendants("span").Where(s => s.Attribute("data-deadline") is not null)
            .Select(s => $"{s.Parent?.Parent?.Attribute("data-ticket")?.Value} {s.Attribute("data-deadline")?.Value} {s.Attribute("data-due")?.Value ?? "-"} {s.Value}");
        Assert.Equal(
            [
                $"1201 respond {L1RespondBy} 35 min overdue",
                $"1201 resolve {SampleReports.Local(2, 19, 40).ToUnixTimeMilliseconds()} 3 h 10 min left",
                "1195 respond - met",
                $"1195 resolve {SampleReports.Local(2, 18, 35).ToUnixTimeMilliseconds()} 2 h 05 min left",
                $"1180 respond {SampleReports.Local(5, 9, 0).ToUnixTimeMilliseconds()} 2 d 16 h left",
                $"1180 resolve {SampleReports.Local(9, 9, 0).ToUnixTimeMilliseconds()} 6 d 16 h left",
            ],
            clocks);
    }

    [Fact]
    public void Render_Status_ShowsWhoIsOnDutyHeldPagesAndRecentEvents()
    {
        var page = Parse(Html);

        var duty = Section(page, "on-duty").Descendants("tr").Skip(1).Select(r => string.Join(" | ", r.Elements("td").Select(td => td.Value)));
        Assert.Equal(["ops | Li Wei | Zhang San | day | 16:30", "network | outside business hours |  | business hours | "], duty);
        Assert.Equal(["1180"], TicketRows(Section(page, "held-pages")));
        var events = Section(page, "recent-events").Descendants("tr").Skip(1).Select(r => string.Join(" | ", r.Elements("td").Select(td => td.Value)));
        Assert.Equal(["16:28 | zbx-nc | problem | high | srv-nc-web1 | Disk full on /var | 1201", "16:20 | zbx-core | recovery | warning | gw-core-2 | Interface eth0 down | "], events);
    }

    [Fact]
    public void Render_Status_PutsWarningsOnTopAndStaysSelfContained()
    {
        var page = Parse(Html);
        var body = page.Descendants("body").Single().Elements().Select(e => (string?)e.Attribute("id") ?? e.Name.LocalName);

        Assert.Equal(["header", "warnings", "main", "script"], body);
        Assert.Equal("Zabbix server zbx-core has not been heard from for 12 min", Section(page, "warnings").Descendants("li").Single().Value);
        Assert.DoesNotContain("src=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Html, StringComparison.Ordinal);
        Assert.Equal(1, Html.Split("<script").Length - 1);
        Assert.True(page.Descendants("script").Single().Value.Split('\n').Length < 40);
    }

    // rule, language, minutes after the page was written, expected text of the L1 respond clock
    public static TheoryData<string, ReportLanguage, int, string> Ticks => new()
    {
        { "as written", ReportLanguage.En, 0, "35 min overdue" },
        { "an hour later", ReportLanguage.En, 60, "1 h 35 min overdue" },
        { "before the deadline", ReportLanguage.En, -40, "5 min left" },
        { "in Chinese", ReportLanguage.ZhCn, 0, "已超时 35 分" },
        { "in Chinese, two days on", ReportLanguage.ZhCn, 48 * 60, "2 天 0 小时" },
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void Script_Tick_SaysWhatTheServerWould(string rule, ReportLanguage language, int minutesLater, string expected)
    {
        var script = Parse(StatusPageHtml.Render(SampleReports.Status(), language, TimeSpan.FromMinutes(1))).Descendants("script").Single().Value;
        var now = SampleReports.End.AddMinutes(minutesLater).ToUnixTimeMilliseconds();
        var server = ReportLabels.For(language).TimeLeft(TimeSpan.FromMilliseconds(L1RespondBy - now));

        using var engine = new Engine(options => options.MaxStatements(100_000));
        engine.Execute($$"""
            var clock = { textContent: "", className: "", getAttribute: function (name) { return name === "data-due" ? "{{L1RespondBy}}" : null; } };
            var document = { querySelectorAll: function () { return [clock]; } };
            var intervals = 0;
            function setInterval() { intervals++; }
            Date.now = function () { return {{now.ToString(CultureInfo.InvariantCulture)}}; };
            """);
        engine.Execute(script);

        Assert.True(engine.Evaluate("clock.textContent").AsString().EndsWith(expected, StringComparison.Ordinal), rule);
        Assert.Equal(server, engine.Evaluate("clock.textContent").AsString());
        Assert.Equal(1, engine.Evaluate("intervals").AsNumber());
    }
}
