namespace AlertEngine.Reports.Render;

/// <summary>
/// What the handover report and the status page share: the page's head and shell, sections,
/// scrolling tables, level badges, the open-tickets table with its clocks, the duty lines and the
/// held pages.
/// </summary>
internal static partial class HtmlParts
{
    /// <summary>The doctype, <c>html</c>, <c>head</c> (charset, viewport, title, stylesheet, an optional refresh) and opens <c>body</c>.</summary>
    public static void BeginPage(HtmlWriter html, ReportLabels labels, string title, int? refreshSeconds = null)
    {
        html.Raw("<!DOCTYPE html>\n").Open("html", ("lang", labels.Lang)).Open("head")
            .Empty("meta", ("charset", "utf-8"))
            .Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        if (refreshSeconds is { } seconds)
        {
            html.Empty("meta", ("http-equiv", "refresh"), ("content", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        html.Element("title", title).Open("style").Raw(ReportStyle.Css).Close().Close().Open("body");
    }

    /// <summary>Closes <c>body</c> and <c>html</c>.</summary>
    public static string EndPage(HtmlWriter html) => html.Close().Close().Raw("\n").ToString();

    public static HtmlWriter Section(HtmlWriter html, string id, string heading) =>
        html.Open("section", ("id", id)).Element("h2", heading);

    /// <summary>Opens a table that scrolls sideways on a narrow screen, with its header row, and opens its body.</summary>
    public static HtmlWriter Table(HtmlWriter html, params string[] headers)
    {
        html.Open("div", ("class", "scroll")).Open("table").Open("thead").Open("tr");
        foreach (var header in headers)
        {
            html.Element("th", header, ("scope", "col"));
        }

        return html.Close().Close().Open("tbody");
    }

    /// <summary>Closes the body, the table and its scrolling box.</summary>
    public static HtmlWriter EndTable(HtmlWriter html) => html.Close().Close().Close();

    public static HtmlWriter Cells(HtmlWriter html, params string?[] cells)
    {
        foreach (var cell in cells)
        {
            html.Element("td", cell);
        }

        return html;
    }

    public static HtmlWriter Number(HtmlWriter html, int value) =>
        html.Element("td", value.ToString(System.Globalization.CultureInfo.InvariantCulture), ("class", "num"));

    public static HtmlWriter Level(HtmlWriter html, Tickets.SupportLevel level) =>
        html.Open("td").Element("span", level.ToString(), ("class", $"level {level}")).Close();

    /// <summary>A list of lines (maintenance, warnings) as a section, or nothing when empty.</summary>
    public static void Lines(HtmlWriter html, string id, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Section(html, id, heading).Open("ul");
        foreach (var line in lines)
        {
            html.Element("li", line);
        }

        html.Close().Close();
    }
}
