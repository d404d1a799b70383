using System.Globalization;
using AlertEngine.Tickets;

namespace AlertEngine.Reports.Render;

/// <summary>
/// The report's inline SVG charts, drawn with plain rectangles and text: events per hour, open
/// tickets per level, and time left to each open ticket's next deadline. Each is an image with a
/// title (<c>role="img"</c>) and a tooltip title per bar.
/// </summary>
internal static class SvgCharts
{
    private const string Bar = "#3f6fb5";
    private const string Past = "#d32f2f";
    private const string Axis = "#8a949e";

    public static string LevelColour(SupportLevel level) => level switch
    {
        SupportLevel.L1 => "#d32f2f",
        SupportLevel.L2 => "#ef6c00",
        SupportLevel.L3 => "#f9a825",
        _ => "#607d8b",
    };

    /// <summary>One bar per hour of the shift, labelled with the hour on the team's clock.</summary>
    public static void EventsPerHour(HtmlWriter html, IReadOnlyList<HourCount> hours, LocalTime time, ReportLabels labels)
    {
        var bars = hours.Select(h => (Label: time.Hour(h.HourStart), h.Events, Colour: Bar)).ToList();
        Columns(html, "events-per-hour", labels.EventsPerHour, bars, 40);
    }

    /// <summary>One bar per level, L1 to L4, in the level's colour.</summary>
    public static void OpenByLevel(HtmlWriter html, IReadOnlyList<(SupportLevel Level, int Open)> levels, ReportLabels labels)
    {
        var bars = levels.Select(l => (Label: l.Level.ToString(), Events: l.Open, Colour: LevelColour(l.Level))).ToList();
        Columns(html, "open-by-level", labels.OpenByLevel, bars, 56);
    }

    /// <summary>
    /// One horizontal bar per ticket whose next deadline runs: time left to the right of the zero
    /// line, time past to its left in red.
    /// </summary>
    public static void SlaLeft(HtmlWriter html, IReadOnlyList<(OpenTicket Ticket, TimeSpan Left)> rows, ReportLabels labels)
    {
        const double LabelWidth = 80, PlotWidth = 300, TextWidth = 150, Row = 24, Top = 6;
        var past = Math.Max(0, -rows.Min(r => r.Left.TotalMinutes));
        var ahead = Math.Max(0, rows.Max(r => r.Left.TotalMinutes));
        var scale = PlotWidth / Math.Max(1, past + ahead);
        var zero = LabelWidth + (past * scale);
        var height = Top + (rows.Count * Row) + 6;
        Open(html, "sla-left", labels.SlaLeft, LabelWidth + PlotWidth + TextWidth, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var (ticket, left) = rows[i];
            var y = Top + (i * Row);
            var width = Math.Max(1, Math.Abs(left.TotalMinutes) * scale);
            var words = labels.TimeLeft(left);
            html.Open("g", ("data-ticket", ticket.Number)).Element("title", $"#{ticket.Number} {ticket.Level}: {words}");
            html.Element("text", $"#{ticket.Number} {ticket.Level}", ("x", "0"), ("y", N(y + 15)));
            html.Empty("rect", ("x", N(left < TimeSpan.Zero ? zero - width : zero)), ("y", N(y + 3)), ("width", N(width)), ("height", N(Row - 8)), ("fill", left < TimeSpan.Zero ? Past : Bar));
            html.Element("text", words, ("x", N(LabelWidth + PlotWidth + 8)), ("y", N(y + 15)), ("fill", left < TimeSpan.Zero ? Past : null));
            html.Close();
        }

        html.Empty("line", ("x1", N(zero)), ("x2", N(zero)), ("y1", N(Top)), ("y2", N(height - 4)), ("stroke", Axis));
        html.Close();
    }

    private static void Columns(HtmlWriter html, string id, string title, List<(string Label, int Events, string Colour)> bars, double step)
    {
        const double Left = 8, Top = 16, Plot = 120, Bottom = 22;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Events));
        var width = (Left * 2) + (bars.Count * step);
        Open(html, id, title, width, Top + Plot + Bottom);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, colour) = bars[i];
            var x = Left + (i * step);
            var height = Plot * count / max;
            var middle = N(x + (step / 2));
            html.Open("g").Element("title", $"{label}: {count}");
            html.Empty("rect", ("x", N(x + 4)), ("y", N(Top + Plot - height)), ("width", N(step - 8)), ("height", N(height)), ("fill", colour));
            html.Element("text", count.ToString(CultureInfo.InvariantCulture), ("x", middle), ("y", N(Top + Plot - height - 3)), ("text-anchor", "middle"));
            html.Element("text", label, ("x", middle), ("y", N(Top + Plot + 15)), ("text-anchor", "middle"));
            html.Close();
        }

        html.Empty("line", ("x1", N(Left)), ("x2", N(width - Left)), ("y1", N(Top + Plot)), ("y2", N(Top + Plot)), ("stroke", Axis));
        html.Close();
    }

    private static void Open(HtmlWriter html, string id, string title, double width, double height) =>
        html.Open("svg", ("class", "chart"), ("id", id), ("role", "img"), ("viewBox", $"0 0 {N(width)} {N(height)}"), ("preserveAspectRatio", "xMinYMin meet"))
            .Element("title", title);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
