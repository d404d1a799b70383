using AlertEngine.BrowserTests.Support;
using AlertEngine.Reports;
using AlertEngine.Reports.Render;
using static AlertEngine.IntegrationTests.Reports.ShiftSeed;

namespace AlertEngine.BrowserTests.Reports;

/// <summary>
/// The handover report's HTML as a browser shows it: the page from <see cref="HandoverHtml"/> for the
/// seeded shift, opened from a file in headless Chromium (as a reader opens the mailed or saved
/// report), with screenshots at phone and desktop width.
/// </summary>
public sealed class HandoverReportInBrowserTests : IDisposable
{
    private readonly List<SeededDesk> _desks = [];

    public void Dispose()
    {
        foreach (var desk in _desks)
        {
            desk.Dispose();
        }
    }

    [Fact]
    public async Task HandoverReport_SeededShift_RenderedInChromiumShowsTheTickets()
    {
        var page = Write(seeded: true, "handover.html");

        var dom = new RenderedPage(await Chromium.DumpDomAsync(page, 1280, 2000));

        Assert.Equal(["T1002", "T1003", "T1004", "T1006"], dom.TicketRows("open-tickets"));
        Assert.Contains("T1001", dom.TicketRows("activity"));
        Assert.DoesNotContain("T1001", dom.TicketRows("open-tickets"));
        Assert.Equal(3, dom.Count("<svg"));
        Assert.Equal(0, dom.Count("T1005"));
        Assert.Equal(0, dom.Count(ReportLabels.For(ReportLanguage.En).Quiet));
        await Screenshots.TakeAsync(page, "handover-report-seeded-shift", 390, 2400);
        await Screenshots.TakeAsync(page, "handover-report-seeded-shift", 1280, 2000);
    }

    [Fact]
    public async Task HandoverReport_QuietShift_RenderedInChromiumShowsTheFriendlyLine()
    {
        var page = Write(seeded: false, "handover-quiet.html");

        var dom = new RenderedPage(await Chromium.DumpDomAsync(page, 390, 900));

        Assert.Contains($"<p class=\"quiet\">{ReportLabels.For(ReportLanguage.En).Quiet}</p>", dom.Section("summary"), StringComparison.Ordinal);
        Assert.Equal(0, dom.Count("data-ticket"));
        await Screenshots.TakeAsync(page, "handover-report-quiet-shift", 390, 900);
    }

    private Uri Write(bool seeded, string name)
    {
        var desk = new SeededDesk(seeded);
        _desks.Add(desk);
        using var connection = desk.Connections.Open();
        var report = HandoverReportBuilder.Build(connection, desk.Rules, new ReportShift(From, To, Shanghai), To.AddMinutes(1), ReportLanguage.En);
        Assert.Equal(!seeded, report.IsQuiet);
        return desk.WritePage(name, HandoverHtml.Render(report, ReportLanguage.En));
    }
}
