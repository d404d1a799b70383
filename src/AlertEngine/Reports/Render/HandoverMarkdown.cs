using System.Globalization;
using System.Text;

namespace AlertEngine.Reports.Render;

/// <summary>
/// The handover report as Markdown for chat: a title line with the shift and its zone, the counts on
/// one line, GitHub-style tables (open tickets, activity, PROBLEM tickets, noisiest triggers and
/// hosts, pages sent, failed and held), and bullets for maintenance, calendar warnings and the next
/// shift. Cells have <c>|</c> escaped and line breaks folded. A quiet shift gets a few lines.
/// </summary>
public static partial class HandoverMarkdown
{
    public static string Render(HandoverReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var labels = ReportLabels.For(language);
        var time = new LocalTime(report.Shift.TimeZone, report.Shift.From);
        var md = new StringBuilder();
        md.Append("# ").Append(labels.Handover).Append(' ').Append(time.Span(report.Shift.From, report.Shift.To))
            .Append(" · ").AppendLine(time.ZoneName(report.Shift.From)).AppendLine();
        if (report.IsQuiet)
        {
            md.AppendLine(labels.Quiet);
        }
        else
        {
            Summary(md, ReportTotals.Of(report), labels);
            OpenTickets(md, report, time, labels);
            Activity(md, report.Activity, time, labels);
            Problems(md, report.Problems, labels);
            Noisy(md, report, labels);
            Pages(md, report, time, labels);
        }

        Bullets(md, labels.Maintenance, report.Maintenance);
        Bullets(md, labels.CalendarWarnings, report.CalendarWarnings);
        Bullets(md, labels.NextShift, [.. report.NextShift.Select(line => Duty(line, time, labels))]);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Summary(StringBuilder md, ReportTotals totals, ReportLabels labels)
    {
        var levels = string.Join(" · ", totals.OpenByLevel.Select(l => $"{l.Level} {N(l.Open)}"));
        var counts = totals.Named(labels).Select(c => c.Key == "openNow" ? $"**{c.Label}** {N(c.Count)} ({levels})" : $"**{c.Label}** {N(c.Count)}");
        md.AppendLine(string.Join(" · ", counts));
    }

    private static void OpenTickets(StringBuilder md, HandoverReport report, LocalTime time, ReportLabels labels)
    {
        Heading(md, labels.OpenTickets);
        if (report.OpenTickets.Count == 0)
        {
            md.AppendLine(labels.NoOpenTickets);
            return;
        }

        Row(md, labels.Ticket, labels.Level, labels.State, labels.Customer, labels.Host, labels.Title, labels.OpenedAt, labels.Holder, labels.Respond, labels.Resolve);
        Rule(md, 10);
        foreach (var t in OpenTicketClocks.Ordered(report.OpenTickets))
        {
            Row(md, t.Number, t.Level.ToString(), labels.Name(t.State), t.Customer, t.Host, t.Title, time.Show(t.OpenedAt), t.Holder ?? labels.Nobody, labels.Clock(t.Respond), labels.Clock(t.Resolve));
        }
    }

    private static void Activity(StringBuilder md, ShiftActivity activity, LocalTime time, ReportLabels labels)
    {
        if (activity.IsEmpty)
        {
            return;
        }

        Heading(md, labels.Activity);
        Row(md, "", labels.Ticket, labels.Level, labels.Customer, labels.Title, labels.Time, labels.By);
        Rule(md, 7);
        foreach (var (what, moves) in new[] { (labels.Opened, activity.Opened), (labels.Acknowledged, activity.Acknowledged), (labels.Resolved, activity.Resolved) })
        {
            foreach (var m in moves)
            {
                Row(md, what, m.Number, m.Level.ToString(), m.Customer, m.Title, time.Show(m.At), m.By);
            }
        }

        foreach (var b in activity.Breached)
        {
            Row(md, $"{labels.Breached} ({labels.Name(b.Deadline)})", b.Number, b.Level.ToString(), b.Customer, b.Title, time.Show(b.DueAt), null);
        }
    }

    private static void Problems(StringBuilder md, IReadOnlyList<ProblemSummary> problems, ReportLabels labels)
    {
        if (problems.Count == 0)
        {
            return;
        }

        Heading(md, labels.Problems);
        Row(md, labels.Ticket, labels.Level, labels.State, labels.Customer, labels.Title, labels.Occurrences, labels.LinkedAlerts);
        Rule(md, 7);
        foreach (var p in problems)
        {
            Row(md, p.Number, p.Level.ToString(), labels.Name(p.State), p.Customer, p.Title, N(p.Occurrences), N(p.LinkedAlerts));
        }
    }

    private static void Noisy(StringBuilder md, HandoverReport report, ReportLabels labels)
    {
        if (report.NoisiestTriggers.Count > 0)
        {
            Heading(md, labels.NoisiestTriggers);
            Row(md, labels.Trigger, labels.Host, labels.Events);
            Rule(md, 3);
            foreach (var s in report.NoisiestTriggers)
            {
                Row(md, s.Name, s.Host, N(s.Events));
            }
        }

        if (report.NoisiestHosts.Count > 0)
        {
            Heading(md, labels.NoisiestHosts);
            Row(md, labels.Host, labels.Events);
            Rule(md, 2);
            foreach (var s in report.NoisiestHosts)
            {
                Row(md, s.Name, N(s.Events));
            }
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
