using System.Text.Json;
using System.Text.RegularExpressions;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Reports;
using static AlertEngine.IntegrationTests.Reports.ShiftSeed;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>The seeded shift (<see cref="ShiftSeed"/>) in every format: the same rows and totals in HTML, Markdown and JSON.</summary>
public sealed partial class HandoverReportFormatsTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly HandoverReport _report;

    public HandoverReportFormatsTests()
    {
        using var connection = ShiftSeed.Database(_db.Path).Open();
        _report = HandoverReportBuilder.Build(connection, ShiftSeed.Rules(_db.Folder), new ReportShift(From, To, Shanghai), To.AddMinutes(1), ReportLanguage.En);
    }

    public void Dispose() => _db.Dispose();

    // section, the tickets it lists in order (a ticket twice when it has two rows)
    public static TheoryData<string, string[]> Sections => new()
    {
        { "open-tickets", ["T1002", "T1003", "T1004", "T1006"] },
        { "opened", ["T1001", "T1002", "T1004", "T1006"] },
        { "acknowledged", ["T1003", "T1001", "T1004"] },
        { "resolved", ["T1001"] },
        { "breached", ["T1002", "T1002", "T1002"] },
        { "problems", ["T1004"] },
        { "pages", ["T1001", "T1001", "T1002", "T1002"] },
        { "failed-pages", ["T1002", "T1002"] },
        { "held-pages", ["T1006"] },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Html_SeededShift_EachSectionListsExactlyItsTickets(string section, string[] tickets)
    {
        var html = ReportRendering.Render(_report, ReportFormat.Html, ReportLanguage.En);

        Assert.Equal(tickets, TicketRows(SectionOf(html, section)));
    }

    [Fact]
    public void Html_SeededShift_SummaryCounts()
    {
        var html = ReportRendering.Render(_report, ReportFormat.Html, ReportLanguage.En);

        var counts = CountCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            (4, 4, 3, 1, 3, 9, 4, 2, 1),
            (counts["openNow"], counts["opened"], counts["acknowledged"], counts["resolved"], counts["breached"], counts["events"], counts["pagesSent"], counts["pagesFailed"], counts["pagesHeld"]));
    }

    [Fact]
    public void Json_SeededShift_ListsAndTotals()
    {
        using var json = JsonDocument.Parse(ReportRendering.Render(_report, ReportFormat.Json, ReportLanguage.En));
        var root = json.RootElement;

        foreach (var (list, tickets) in new[]
        {
            ("openTickets", new[] { "T1002", "T1003", "T1004", "T1006" }), ("opened", ["T1001", "T1002", "T1004", "T1006"]),
            ("acknowledged", ["T1003", "T1001", "T1004"]), ("resolved", ["T1001"]), ("breached", ["T1002", "T1002", "T1002"]),
            ("problems", ["T1004"]), ("pages", ["T1001", "T1001", "T1002", "T1002"]), ("failedPages", ["T1002", "T1002"]), ("heldPages", ["T1006"]),
        })
        {
            Assert.Equal(tickets, root.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("number").GetString()));
        }

        var totals = root.GetProperty("totals");
        Assert.Equal(
            (4, 4, 3, 1, 3, 9, 4, 2, 1),
            (totals.GetProperty("openNow").GetInt32(), totals.GetProperty("opened").GetInt32(), totals.GetProperty("acknowledged").GetInt32(),
             totals.GetProperty("resolved").GetInt32(), totals.GetProperty("breached").GetInt32(), totals.GetProperty("events").GetInt32(),
             totals.GetProperty("pagesSent").GetInt32(), totals.GetProperty("pagesFailed").GetInt32(), totals.GetProperty("pagesHeld").GetInt32()));
        Assert.Equal([1, 4, 2, 1, 0, 0, 0, 0, 1], root.GetProperty("eventsPerHour").EnumerateArray().Select(h => h.GetProperty("events").GetInt32()));
        Assert.False(root.GetProperty("quiet").GetBoolean());
    }

    [Fact]
    public void Markdown_SeededShift_EveryTicketRowOnceOrAsOftenAsItsRows()
    {
        var md = ReportRendering.Render(_report, ReportFormat.Markdown, ReportLanguage.En);

        var rows = md.Split('\n').Where(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).FirstOrDefault(c => TicketNumber().IsMatch(c)))
            .OfType<string>().ToList();
        // open 4 + opened 4 + acknowledged 3 + resolved 1 + breached 3 + problems 1 + pages 4 + failed 2 + held 1
        Assert.Equal(23, rows.Count);
        Assert.Equal(
            [("T1001", 5), ("T1002", 9), ("T1003", 2), ("T1004", 4), ("T1006", 3)],
            rows.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Assert.DoesNotContain("T1005", md, StringComparison.Ordinal);
    }

    private static string SectionOf(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        // A section ends where it closes or where the next section or sub-section (the activity's) begins.
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        var next = html.IndexOf(" id=\"", start + 1, StringComparison.Ordinal);
        return html[start..(next >= 0 && next < end ? next : end)];
    }

    private static List<string> TicketRows(string html) => [.. TicketRow().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-ticket=\"([^\"]+)\"")]
    private static partial Regex TicketRow();

    [GeneratedRegex("^T[0-9]{4}$")]
    private static partial Regex TicketNumber();

    [GeneratedRegex("data-count=\"([A-Za-z0-9]+)\">([0-9]+)<")]
    private static partial Regex CountCell();
}
