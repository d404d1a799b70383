using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Sla;

namespace AlertEngine.Host.Commands.Sla;

/// <summary>The SLA report as a table for a terminal or a chat message.</summary>
internal static class SlaReportText
{
    public static void Write(TextWriter output, SlaSummary summary, TimeZoneInfo zone, string database)
    {
        output.WriteLine($"SLA report: tickets whose clock started {RuleInstant.Format(summary.From, zone)} → {RuleInstant.Format(summary.To, zone)} ({zone.Id})");
        output.WriteLine($"database: {database}");
        if (summary.Total.Tickets == 0)
        {
            output.WriteLine("No tickets in this window.");
            return;
        }

        output.WriteLine();
        Table(output, "level", summary.Levels);
        output.WriteLine();
        Table(output, "customer", summary.Customers);
        output.WriteLine();
        Table(output, "", [summary.Total]);
    }

    private static void Table(TextWriter output, string title, IReadOnlyList<SlaGroup> groups)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title,-10} {"counted",-9} {"tickets",7}  {"respond met/breached",20}  {"resolve met/breached",20}  {"MTTA mean / p90",17}  {"MTTR mean / p90",17}"));
        foreach (var g in groups)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Key,-10} {g.Counted,-9} {g.Tickets,7}  {$"{g.RespondMet} / {g.RespondBreached}",20}  {$"{g.ResolveMet} / {g.ResolveBreached}",20}  {Pair(g.Mtta),17}  {Pair(g.Mttr),17}"));
        }
    }

    private static string Pair(SlaDurations d) => d.Count == 0 ? "—" : $"{Short(d.Mean!.Value)} / {Short(d.P90!.Value)}";

    /// <summary>A duration as an engineer reads it: 45s, 12m, 1h 30m, 2d 3h.</summary>
    public static string Short(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m"),
        { TotalDays: < 1 } => span.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h"),
    };
}
