using AlertEngine.Tickets;

namespace AlertEngine.Reports.Render;

/// <summary>The summary's counts of a report, the same in every format.</summary>
internal sealed record ReportTotals(
    int OpenNow,
    int Opened,
    int Acknowledged,
    int Resolved,
    int Breached,
    int Events,
    int PagesSent,
    int PagesFailed,
    int PagesHeld,
    IReadOnlyList<(SupportLevel Level, int Open)> OpenByLevel)
{
    public static ReportTotals Of(HandoverReport report) => new(
        report.OpenTickets.Count,
        report.Activity.Opened.Count,
        report.Activity.Acknowledged.Count,
        report.Activity.Resolved.Count,
        report.Activity.Breached.Count,
        report.Events,
        report.Pages.Count,
        report.FailedPages.Count,
        report.HeldPages.Count,
        ByLevel(report.OpenTickets));

    /// <summary>Open tickets per level, L1 to L4, levels without any included.</summary>
    public static IReadOnlyList<(SupportLevel Level, int Open)> ByLevel(IReadOnlyList<OpenTicket> tickets) =>
        [.. Enum.GetValues<SupportLevel>().Select(level => (level, tickets.Count(t => t.Level == level)))];

    /// <summary>The counts with their keys (the JSON names, the HTML <c>data-count</c>s) and labels, in order.</summary>
    public IReadOnlyList<(string Key, string Label, int Count)> Named(ReportLabels labels) =>
    [
        ("openNow", labels.OpenNow, OpenNow),
        ("opened", labels.Opened, Opened),
        ("acknowledged", labels.Acknowledged, Acknowledged),
        ("resolved", labels.Resolved, Resolved),
        ("breached", labels.Breached, Breached),
        ("events", labels.Events, Events),
        ("pagesSent", labels.PagesSent, PagesSent),
        ("pagesFailed", labels.PagesFailed, PagesFailed),
        ("pagesHeld", labels.PagesHeld, PagesHeld),
    ];
}
