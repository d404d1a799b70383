using System.Xml.Linq;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>A rendered page read as XML (it is well-formed after the doctype), and the parts the tests look at.</summary>
internal static class RenderedHtml
{
    public static XDocument Parse(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        return XDocument.Parse(html["<!DOCTYPE html>".Length..]);
    }

    public static XElement Section(XDocument page, string id) =>
        page.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == id) ?? throw new InvalidOperationException($"no element with id {id}");

    public static bool Has(XDocument page, string id) => page.Descendants().Any(e => (string?)e.Attribute("id") == id);

    /// <summary>The <c>data-ticket</c> of each table row under <paramref name="element"/>, in order.</summary>
    public static string[] TicketRows(XElement element) =>
        [.. element.Descendants("tr").Select(r => (string?)r.Attribute("data-ticket")).OfType<string>()];

    /// <summary>The text of each cell of the row of <paramref name="ticket"/>.</summary>
    public static string[] Row(XElement element, string ticket) =>
        [.. element.Descendants("tr").Single(r => (string?)r.Attribute("data-ticket") == ticket).Elements("td").Select(td => td.Value)];

    public static string Count(XDocument page, string key) =>
        page.Descendants("dd").Single(e => (string?)e.Attribute("data-count") == key).Value;
}
