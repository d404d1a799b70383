using System.Text.RegularExpressions;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// The DOM Chromium dumped, read by the markers the pages carry: sections by id, rows by
/// <c>data-ticket</c>, clocks by <c>data-due</c>. Chromium serialises HTML, not XML (void elements are
/// not closed), so this reads it with a few patterns; the pages never nest sections.
/// </summary>
internal sealed partial class RenderedPage(string dom)
{
    public string Dom { get; } = dom;

    /// <summary>The markup inside <c>&lt;section id="{id}"&gt;</c>; the test fails when there is none.</summary>
    public string Section(string id)
    {
        var match = Regex.Match(Dom, $"<section id=\"{Regex.Escape(id)}\">(.*?)</section>", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        Assert.True(match.Success, $"the page has no section '{id}'");
        return match.Groups[1].Value;
    }

    /// <summary>The <c>data-ticket</c> of each table row in a section, in page order.</summary>
    public IReadOnlyList<string> TicketRows(string sectionId) =>
        [.. TicketRow().Matches(Section(sectionId)).Select(m => m.Groups[1].Value)];

    /// <summary>Each running clock of a ticket's row: ticket, deadline (respond or resolve), due (Unix ms) and its text now.</summary>
    public IReadOnlyList<(string Ticket, string Deadline, long Due, string Text)> Clocks(string sectionId)
    {
        var clocks = new List<(string, string, long, string)>();
        foreach (Match row in RowWithCells().Matches(Section(sectionId)))
        {
            foreach (Match clock in RunningClock().Matches(row.Groups[2].Value))
            {
                clocks.Add((row.Groups[1].Value, clock.Groups[1].Value, long.Parse(clock.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), clock.Groups[3].Value));
            }
        }

        return clocks;
    }

    /// <summary>How many times <paramref name="text"/> occurs in the DOM.</summary>
    public int Count(string text) => Regex.Count(Dom, Regex.Escape(text), RegexOptions.None, TimeSpan.FromSeconds(5));

    [GeneratedRegex("<tr\\b[^>]*\\bdata-ticket=\"([^\"]+)\"")]
    private static partial Regex TicketRow();

    [GeneratedRegex("<tr\\b[^>]*\\bdata-ticket=\"([^\"]+)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowWithCells();

    [GeneratedRegex("<span\\b[^>]*\\bdata-deadline=\"([^\"]+)\"[^>]*\\bdata-due=\"([0-9]+)\"[^>]*>([^<]*)</span>")]
    private static partial Regex RunningClock();
}
