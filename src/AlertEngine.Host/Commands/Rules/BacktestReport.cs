using AlertEngine.Classify;
using AlertEngine.Classify.Backtest;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>Prints a backtest: the window, each changed event (or every one with --all), then the summary.</summary>
internal sealed class BacktestReport(TextWriter output, TimeZoneInfo zone, bool all)
{
    private bool _listed;

    public void WriteHeader(string source, RuleSet rules, string database, DateTimeOffset from, DateTimeOffset to)
    {
        output.WriteLine($"Candidate  {source} ({ValidateCommand.Plural(rules.RuleCount, "rule")})");
        output.WriteLine($"Database   {database} (read-only)");
        output.WriteLine($"Window     events received {RuleInstant.Format(from, zone)} → {RuleInstant.Format(to, zone)} ({zone.Id}); each classified at its problem clock");
        output.WriteLine();
    }

    public void WriteEvent(BacktestEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Changed && !all)
        {
            return;
        }

        if (!_listed)
        {
            output.WriteLine(all ? "Events (actual → candidate)" : "Events the candidate rules change (actual → candidate)");
            _listed = true;
        }

        var ev = e.Event;
        var clock = TimeZoneInfo.ConvertTime(ev.ProblemAt, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var ticket = e.Stored.Ticket is { } t ? $"ticket {t.Number ?? t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"no ticket ({e.Stored.WhyNoTicket})";
        var what = e.Changed ? string.Join("; ", e.Changes) : "no change";
        output.WriteLine($"  {ev.Server}:{ev.EventId}  {clock}  {ZabbixSeverity.NameOf(ev.Severity)}  {ev.Host}  {ticket}: {what}");
    }

    public void WriteSummary(BacktestSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_listed)
        {
            output.WriteLine();
        }

        output.WriteLine("Summary");
        Row("events replayed", $"{Count(s.Replayed)} problem {(s.Replayed == 1 ? "event" : "events")}");
        if (s.Others > 0)
        {
            Row("not replayed", $"{Count(s.Others)} {(s.Others == 1 ? "update or recovery" : "updates and recoveries")} (they follow their problem's ticket)");
        }

        if (s.Unreadable > 0)
        {
            Row("unreadable", $"{Count(s.Unreadable)} stored bodies that no longer parse, e.g. {string.Join("; ", s.UnreadableExamples)}");
        }

        Row("would change", Count(s.Changed) + (s.Changed == 0 ? " (the candidate rules decide every event as it was)" : ""));
        var levels = string.Join(", ", s.LevelChanges.OrderBy(l => l.Key.From).ThenBy(l => l.Key.To).Select(l => $"{l.Key.From} → {l.Key.To}: {Count(l.Value)}"));
        Row("  level", Count(s.ChangesOf("level")) + (levels.Length > 0 ? $"  ({levels})" : ""));
        Row("  customer", Count(s.ChangesOf("customer")));
        Row("  team", Count(s.ChangesOf("team")));
        Row("  page policy", Count(s.ChangesOf("page")));
        Row("  ignore", Count(s.ChangesOf("ignore")));
        Row("  suppressed", Count(s.ChangesOf("suppressed")));
        if (s.WithoutTicket.Count > 0)
        {
            Row("without a ticket", string.Join(", ", s.WithoutTicket.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{Count(w.Value)} {w.Key}")));
        }

        Row("tickets", $"{Count(s.TicketsOpened)} actually opened; the candidate's correlation keys would make {Count(s.CandidateTickets)}");
        output.WriteLine("                     (distinct keys among the problem events not ignored; a key that comes back after its ticket was resolved opens another)");
        output.WriteLine();
        output.WriteLine("Pages, per ticket at its first event (paging arrives with #8: nothing was sent; these compare page policies)");
        output.WriteLine($"  {"",-9} {"actual",8} {"candidate",10}");
        PageRow("now", s.ActualPages(PageOutcome.Now), s.CandidatePages(PageOutcome.Now));
        PageRow("held", s.ActualPages(PageOutcome.Held), s.CandidatePages(PageOutcome.Held), "business_hours outside business hours: held until the next business morning");
        PageRow("never", s.ActualPages(PageOutcome.Never), s.CandidatePages(PageOutcome.Never), "page: never, or suppressed by maintenance");
        if (s.ActualPages(PageOutcome.Unknown) > 0)
        {
            output.WriteLine($"  {"unknown",-9} {Count(s.ActualPages(PageOutcome.Unknown)),8} {"-",10}  tickets opened before the rules recorded a page policy");
        }
    }

    private void Row(string name, string value) => output.WriteLine($"  {name,-18} {value}");

    private void PageRow(string name, long actual, long candidate, string note = "") =>
        output.WriteLine($"  {name,-9} {Count(actual),8} {Count(candidate),10}{(note.Length > 0 ? "  " + note : "")}".TrimEnd());

    private static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
