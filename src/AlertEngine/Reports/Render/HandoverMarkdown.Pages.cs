using System.Text;

namespace AlertEngine.Reports.Render;

/// <summary>Pages, bullets, and the table syntax.</summary>
public static partial class HandoverMarkdown
{
    private static void Pages(StringBuilder md, HandoverReport report, LocalTime time, ReportLabels labels)
    {
        if (report.Pages.Count > 0)
        {
            Heading(md, labels.Pages);
            Row(md, labels.Ticket, labels.Level, labels.Person, labels.Channel, labels.Time, labels.Delivery, labels.TimeToAcknowledge, labels.By, labels.AcknowledgedVia);
            Rule(md, 9);
            foreach (var p in report.Pages)
            {
                Row(md, p.Number, p.Level.ToString(), p.Person, labels.Name(p.Channel), time.Show(p.SentAt), p.DeliveryStatus, p.TimeToAcknowledge is { } ack ? labels.Duration(ack) : null, p.AcknowledgedBy, labels.Name(p.AcknowledgedVia));
            }
        }

        if (report.FailedPages.Count > 0)
        {
            Heading(md, labels.FailedPages);
            Row(md, labels.Ticket, labels.Level, labels.Person, labels.Channel, labels.Time, labels.Reason);
            Rule(md, 6);
            foreach (var p in report.FailedPages)
            {
                Row(md, p.Number, p.Level.ToString(), p.Person, labels.Name(p.Channel), time.Show(p.At), p.Reason);
            }
        }

        if (report.HeldPages.Count > 0)
        {
            Heading(md, labels.HeldPages);
            Row(md, labels.Ticket, labels.Level, labels.Team, labels.Customer, labels.Title, labels.HeldUntil);
            Rule(md, 6);
            foreach (var p in report.HeldPages)
            {
                Row(md, p.Number, p.Level.ToString(), p.Team, p.Customer, p.Title, time.Show(p.HeldUntil));
            }
        }
    }

    /// <summary><c>ops: Wang Fang, Backup Chen Jie, evening, Until 2026-03-03 00:30</c>; the reason when nobody is on duty.</summary>
    internal static string Duty(DutyLine line, LocalTime time, ReportLabels labels)
    {
        var parts = new List<string> { line.Primary ?? line.Reason ?? labels.Nobody };
        if (line.Backup is not null)
        {
            parts.Add($"{labels.Backup} {line.Backup}");
        }

        parts.Add(line.Shift);
        if (line.ShiftEndsAt is { } end)
        {
            parts.Add($"{labels.Until} {time.Show(end)}");
        }

        var team = line.CoveringTeam is null ? line.Team : $"{line.Team} ({labels.Covered(line.CoveringTeam)})";
        return $"**{Cell(team)}**: {string.Join(", ", parts.Where(p => p.Length > 0).Select(Cell))}";
    }

    private static void Bullets(StringBuilder md, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Heading(md, heading);
        foreach (var line in lines)
        {
            md.Append("- ").AppendLine(Fold(line));
        }
    }

    private static void Heading(StringBuilder md, string heading) => md.AppendLine().Append("## ").AppendLine(heading).AppendLine();

    private static void Row(StringBuilder md, params string?[] cells) => md.Append("| ").AppendJoin(" | ", cells.Select(Cell)).AppendLine(" |");

    private static void Rule(StringBuilder md, int columns) => md.Append('|').AppendJoin("", Enumerable.Repeat(" --- |", columns)).AppendLine();

    /// <summary>A table cell: one line, <c>|</c> escaped.</summary>
    internal static string Cell(string? text) => Fold(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Fold(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
