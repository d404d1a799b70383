using System.Globalization;

namespace AlertEngine.Reports.Render;

/// <summary>
/// The live status page at <c>/</c>, in the report's look: warnings in a banner on top, open tickets
/// by level with clocks that count down (each running clock carries <c>data-due</c> in Unix
/// milliseconds, rewritten every second by a small inline script; the text is right without it),
/// who is on duty now, held pages and the latest events. The page reloads itself every
/// <c>refresh</c> (<c>meta http-equiv="refresh"</c>). Well-formed XML after the doctype.
/// </summary>
public static class StatusPageHtml
{
    public static string Render(DeskStatus status, ReportLanguage language, TimeSpan refresh)
    {
        ArgumentNullException.ThrowIfNull(status);
        var labels = ReportLabels.For(language);
        var time = new LocalTime(status.TimeZone, status.At);
        var seconds = (int)Math.Max(1, Math.Round(refresh.TotalSeconds));
        var html = new HtmlWriter();
        HtmlParts.BeginPage(html, labels, labels.DeskStatus, seconds);
        html.Open("header").Element("h1", labels.DeskStatus)
            .Element("p", $"{labels.AsOf} {time.Full(status.At)} · {labels.TimeZone}: {time.ZoneName(status.At)}", ("class", "meta"))
            .Close();
        if (status.Warnings.Count > 0)
        {
            html.Open("div", ("class", "banner"), ("id", "warnings"), ("role", "alert")).Element("strong", labels.Warnings).Open("ul");
            foreach (var warning in status.Warnings)
            {
                html.Element("li", warning);
            }

            html.Close().Close();
        }

        html.Open("main");
        HtmlParts.OpenTickets(html, status.OpenTickets, time, labels, countdown: true);
        HtmlParts.DutyLines(html, "on-duty", labels.OnDutyNow, status.OnDuty, time, labels);
        HtmlParts.HeldPages(html, status.HeldPages, time, labels);
        RecentEvents(html, status.RecentEvents, time, labels);
        html.Close().Open("script").Raw(CountdownScript.For(labels)).Close();
        return HtmlParts.EndPage(html);
    }

    private static void RecentEvents(HtmlWriter html, IReadOnlyList<RecentEvent> events, LocalTime time, ReportLabels labels)
    {
        if (events.Count == 0)
        {
            return;
        }

        HtmlParts.Section(html, "recent-events", labels.RecentEvents);
        HtmlParts.Table(html, labels.Time, labels.Server, labels.Kind, labels.Severity, labels.Host, labels.Problem, labels.Ticket);
        foreach (var e in events)
        {
            html.Open("tr", ("data-kind", e.Kind), ("data-severity", e.Severity.ToString(CultureInfo.InvariantCulture)), ("data-ticket", e.TicketNumber));
            HtmlParts.Cells(html, time.Show(e.ReceivedAt), e.Server, labels.Name(e.Kind), labels.SeverityName(e.Severity), e.Host, e.Name, e.TicketNumber).Close();
        }

        HtmlParts.EndTable(html).Close();
    }
}
