using System.Net;
using System.Net.Http.Headers;
using AlertEngine.BrowserTests.Support;
using AlertEngine.Reports;
using AlertEngine.Reports.Render;
using Microsoft.Extensions.Time.Testing;
using static AlertEngine.IntegrationTests.Reports.ShiftSeed;

namespace AlertEngine.BrowserTests.Reports;

/// <summary>
/// The live status page as a browser shows it: served by the engine on real Kestrel over the seeded
/// database, its clocks rewritten by the page's countdown script in headless Chromium, with
/// screenshots; without a token a browser gets the sign-in form.
/// </summary>
public sealed class StatusPageInBrowserTests : IDisposable
{
    private static readonly ReportLabels Labels = ReportLabels.For(ReportLanguage.En);

    private readonly SeededDesk _desk = new();

    // The engine's clock stands one minute after the seeded shift, so the page it serves is the same
    // on every run; the browser's clock is the real one, so the countdown script's text differs from the
    // server's, which shows the script ran.
    private readonly FakeTimeProvider _clock = new(To.AddMinutes(1));

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task StatusPage_SeededDatabase_ServedByTheEngineAndRenderedShowsTheTicketsWithRunningClocks()
    {
        await using var engine = await KestrelEngine.StartAsync(_desk, _clock);
        using var http = new HttpClient { BaseAddress = engine.Address };

        // A browser without a session first gets the sign-in form, straight from Kestrel.
        using (var closed = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        }

        var signIn = new RenderedPage(await Chromium.DumpDomAsync(engine.Address, 390, 900));
        Assert.Equal(1, signIn.Count("<form method=\"post\" action=\"/sign-in\">"));
        Assert.Equal(1, signIn.Count("name=\"token\""));
        Assert.Equal(0, signIn.Count("T1002"));
        await Screenshots.TakeAsync(engine.Address, "status-page-sign-in", 390, 900);

        // Chromium's command line cannot send an Authorization header (nor sign in through the form), so
        // the page is fetched with the read-only token and the browser opens the served HTML from a file.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KestrelEngine.WallSecret);
        using var open = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var served = await open.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = _desk.WritePage("status.html", served);
        var servedClocks = new RenderedPage(served).Clocks("open-tickets");

        var before = TimeProvider.System.GetUtcNow();
        var dom = new RenderedPage(await Chromium.DumpDomAsync(page, 1280, 1200));
        // Virtual time may run ahead of the wall clock by as much as its budget.
        var after = TimeProvider.System.GetUtcNow().AddMilliseconds(Chromium.VirtualTimeBudgetMs);

        Assert.Equal(["T1002", "T1003", "T1004", "T1006"], dom.TicketRows("open-tickets"));
        Assert.Equal(["T1006"], dom.TicketRows("held-pages"));
        Assert.Contains("data-team=", dom.Section("on-duty"), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"problem\"", dom.Section("recent-events"), StringComparison.Ordinal);
        Assert.Equal(0, dom.Count("T1005"));

        var clocks = dom.Clocks("open-tickets");
        Assert.Equal(servedClocks.Select(c => (c.Ticket, c.Deadline, c.Due)), clocks.Select(c => (c.Ticket, c.Deadline, c.Due)));
        foreach (var (ticket, deadline, due, text) in clocks)
        {
            var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(due);
            Assert.True(
                text == Labels.TimeLeft(dueAt - before) || text == Labels.TimeLeft(dueAt - after),
                $"{ticket}'s {deadline} clock reads '{text}' in the browser; the server's words for now are '{Labels.TimeLeft(dueAt - before)}'");
        }

        // T1002 was due to be acknowledged at 11:30 on the seeded day: the server (at 18:01) wrote how
        // long it had been overdue then, the script how long it is overdue now.
        var t1002 = Assert.Single(clocks, c => c.Ticket == "T1002" && c.Deadline == "respond");
        Assert.Equal(Labels.TimeLeft(Local(11, 17, 11, 30) - _clock.GetUtcNow()), Assert.Single(servedClocks, c => c.Ticket == "T1002" && c.Deadline == "respond").Text);
        Assert.EndsWith(" overdue", t1002.Text, StringComparison.Ordinal);
        Assert.NotEqual(Assert.Single(servedClocks, c => c.Ticket == "T1002" && c.Deadline == "respond").Text, t1002.Text);

        await Screenshots.TakeAsync(page, "status-page-seeded-desk", 1280, 1200);
        await Screenshots.TakeAsync(page, "status-page-seeded-desk", 390, 2000);
    }
}
