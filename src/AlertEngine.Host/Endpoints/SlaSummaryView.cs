using AlertEngine.Sla;

namespace AlertEngine.Host.Endpoints;

/// <summary>The SLA report as JSON (the window is [since, until)): durations in seconds, so that tools need not parse TimeSpan text.</summary>
internal sealed record SlaSummaryView(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<SlaGroupView> Levels, IReadOnlyList<SlaGroupView> Customers, SlaGroupView Total)
{
    public static SlaSummaryView From(SlaSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.From, s.To, [.. s.Levels.Select(SlaGroupView.From)], [.. s.Customers.Select(SlaGroupView.From)], SlaGroupView.From(s.Total));
    }
}

/// <summary>One level or customer of the report.</summary>
internal sealed record SlaGroupView(
    string Key,
    string Counted,
    int Tickets,
    int RespondMet,
    int RespondBreached,
    int ResolveMet,
    int ResolveBreached,
    SlaDurationsView Mtta,
    SlaDurationsView Mttr)
{
    public static SlaGroupView From(SlaGroup g) => new(
        g.Key, g.Counted, g.Tickets, g.RespondMet, g.RespondBreached, g.ResolveMet, g.ResolveBreached,
        SlaDurationsView.From(g.Mtta), SlaDurationsView.From(g.Mttr));
}

/// <summary>Mean and 90th percentile in seconds (null when nothing was counted) and how many were.</summary>
internal sealed record SlaDurationsView(long? MeanSeconds, long? P90Seconds, int Count)
{
    public static SlaDurationsView From(SlaDurations d) =>
        new(d.Mean is { } mean ? (long)mean.TotalSeconds : null, d.P90 is { } p90 ? (long)p90.TotalSeconds : null, d.Count);
}
