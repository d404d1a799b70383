using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>One ticket as the SLA report counts it.</summary>
public sealed record SlaReportTicket(
    SupportLevel Level,
    string? Customer,
    DateTimeOffset StartAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    string? Respond,
    string? Resolve);

/// <summary>A mean and a 90th percentile (nearest rank) of counted durations; null when nothing was counted.</summary>
public sealed record SlaDurations(TimeSpan? Mean, TimeSpan? P90, int Count);

/// <summary>
/// One group of the report (a level, or a customer): tickets, respond and resolve met and breached,
/// mean time to acknowledge (MTTA) and to resolve (MTTR). <see cref="Counted"/> says how durations
/// count: <c>wall</c>, <c>business</c>, or <c>per level</c> for a customer whose tickets mix both.
/// </summary>
public sealed record SlaGroup(
    string Key,
    string Counted,
    int Tickets,
    int RespondMet,
    int RespondBreached,
    int ResolveMet,
    int ResolveBreached,
    SlaDurations Mtta,
    SlaDurations Mttr);

/// <summary>The SLA report of tickets whose clock started in [From, To): per level, per customer, and in all.</summary>
public sealed record SlaSummary(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaGroup> Levels, IReadOnlyList<SlaGroup> Customers, SlaGroup Total);

/// <summary>Builds the report. Pure: each ticket's durations are counted by its own level (wall or business time).</summary>
public static class SlaSummaryBuilder
{
    /// <summary>The customer key of tickets without a customer.</summary>
    public const string NoCustomer = "(none)";

    public static SlaSummary Build(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SlaReportTicket> tickets, ISlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(clock);
        var levels = tickets.GroupBy(t => t.Level).OrderBy(g => g.Key)
            .Select(g => Group(g.Key.ToString(), [.. g], clock)).ToList();
        var customers = tickets.GroupBy(t => t.Customer ?? NoCustomer).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, [.. g], clock)).ToList();
        return new SlaSummary(from, to, levels, customers, Group("all", tickets, clock));
    }

    private static SlaGroup Group(string key, IReadOnlyList<SlaReportTicket> tickets, ISlaClock clock)
    {
        var business = tickets.Select(t => clock.CountsBusinessTime(t.Level)).Distinct().ToList();
        var counted = business.Count switch
        {
            0 => "wall",
            1 => business[0] ? "business" : "wall",
            _ => "per level",
        };
        return new SlaGroup(
            key,
            counted,
            tickets.Count,
            tickets.Count(t => t.Respond == "met"),
            tickets.Count(t => t.Respond == "breached"),
            tickets.Count(t => t.Resolve == "met"),
            tickets.Count(t => t.Resolve == "breached"),
            Durations([.. tickets.Where(t => t.RespondedAt is not null).Select(t => clock.Counted(t.Level, t.StartAt, t.RespondedAt!.Value))]),
            Durations([.. tickets.Where(t => t.ResolvedAt is not null).Select(t => clock.Counted(t.Level, t.StartAt, t.ResolvedAt!.Value))]));
    }

    /// <summary>Mean and nearest-rank 90th percentile.</summary>
    public static SlaDurations Durations(IReadOnlyList<TimeSpan> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new SlaDurations(null, null, 0);
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(0.9 * sorted.Count);
        var mean = TimeSpan.FromTicks((long)sorted.Average(v => (double)v.Ticks));
        return new SlaDurations(mean, sorted[rank - 1], sorted.Count);
    }
}
