namespace AlertEngine.Reports.Render;

/// <summary>
/// The handover report as one self-contained HTML5 page: inline stylesheet and SVG charts, no
/// script, no external reference; readable on a phone and printable. The markup is well-formed XML
/// after the doctype. Sections (each a <c>section</c> with an id): summary, open-tickets, activity
/// (opened, acknowledged, resolved, breached), problems, noisy, pages, failed-pages, held-pages,
/// maintenance, calendar-warnings, next-shift; empty ones are left out. Rows of tickets carry
/// <c>data-ticket</c>, the summary's counts <c>data-count</c>. A quiet shift gets a short page.
/// </summary>
public static partial class HandoverHtml
{
    public static string Render(HandoverReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var labels = ReportLabels.For(language);
        var time = new LocalTime(report.Shift.TimeZone, report.Shift.From);
        var html = new HtmlWriter();
        HtmlParts.BeginPage(html, labels, $"{labels.Handover} {time.Span(report.Shift.From, report.Shift.To)}");
        Header(html, report, time, labels);
        html.Open("main");
        if (report.IsQuiet)
        {
            html.Open("section", ("id", "summary")).Element("p", labels.Quiet, ("class", "quiet")).Close();
        }
        else
        {
            Summary(html, report, time, labels);
            HtmlParts.OpenTickets(html, report.OpenTickets, time, labels, countdown: false);
            Activity(html, report.Activity, time, labels);
            Problems(html, report.Problems, time, labels);
            Noisy(html, report, labels);
            Pages(html, report.Pages, time, labels);
            FailedPages(html, report.FailedPages, time, labels);
            HtmlParts.HeldPages(html, report.HeldPages, time, labels);
        }

        HtmlParts.Lines(html, "maintenance", labels.Maintenance, report.Maintenance);
        HtmlParts.Lines(html, "calendar-warnings", labels.CalendarWarnings, report.CalendarWarnings);
        HtmlParts.DutyLines(html, "next-shift", labels.NextShift, report.NextShift, time, labels);
        html.Close();
        return HtmlParts.EndPage(html);
    }

    private static void Header(HtmlWriter html, HandoverReport report, LocalTime time, ReportLabels labels) =>
        html.Open("header")
            .Element("h1", labels.Handover)
            .Element("p", time.Span(report.Shift.From, report.Shift.To), ("class", "shift"))
            .Element("p", $"{labels.TimeZone}: {time.ZoneName(report.Shift.From)} · {labels.Generated} {time.Full(report.GeneratedAt)}", ("class", "meta"))
            .Close();

    private static void Summary(HtmlWriter html, HandoverReport report, LocalTime time, ReportLabels labels)
    {
        var totals = ReportTotals.Of(report);
        HtmlParts.Section(html, "summary", labels.Summary).Open("dl", ("class", "counts"));
        foreach (var (key, label, count) in totals.Named(labels))
        {
            Count(html, key, label, count);
        }

        foreach (var (level, open) in totals.OpenByLevel)
        {
            Count(html, $"open{level}", $"{labels.OpenNow} {level}", open);
        }

        html.Close().Open("div", ("class", "charts"));
        if (report.EventsPerHour.Count > 0)
        {
            Figure(html, labels.EventsPerHour, () => SvgCharts.EventsPerHour(html, report.EventsPerHour, time, labels));
        }

        Figure(html, labels.OpenByLevel, () => SvgCharts.OpenByLevel(html, totals.OpenByLevel, labels));
        var clocks = OpenTicketClocks.Ordered(report.OpenTickets)
            .Select(t => (Ticket: t, Clock: OpenTicketClocks.Next(t)))
            .Where(c => c.Clock is not null)
            .Select(c => (c.Ticket, c.Clock!.Left!.Value))
            .ToList();
        if (clocks.Count > 0)
        {
            Figure(html, labels.SlaLeft, () => SvgCharts.SlaLeft(html, clocks, labels));
        }

        html.Close().Close();
    }

    private static void Count(HtmlWriter html, string key, string label, int count) =>
        html.Open("div").Element("dt", label).Element("dd", count.ToString(System.Globalization.CultureInfo.InvariantCulture), ("data-count", key)).Close();

    private static void Figure(HtmlWriter html, string caption, Action chart)
    {
        html.Open("figure");
        chart();
        html.Element("figcaption", caption).Close();
    }
}
