using AlertEngine.Sla;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Sla;

/// <summary>The SLA report: counts per level and customer, MTTA and MTTR counted by each ticket's own clock.</summary>
public sealed class SlaSummaryBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_MixedTickets_CountsMetBreachedAndDurationsPerGroup()
    {
        SlaReportTicket[] tickets =
        [
            new(SupportLevel.L1, "acme", T0, T0.AddMinutes(10), T0.AddMinutes(50), "met", "met"),
            new(SupportLevel.L1, "acme", T0, T0.AddMinutes(20), T0.AddMinutes(90), "breached", "breached"),
            new(SupportLevel.L1, "nc", T0, null, null, "breached", null),
            new(SupportLevel.L3, "nc", T0, T0.AddHours(4), null, "met", null),
        ];

        var summary = SlaSummaryBuilder.Build(T0, T0.AddDays(7), tickets, new HalfTimeForBusinessLevels());

        var l1 = summary.Levels[0];
        Assert.Equal(("L1", "wall", 3, 1, 2, 1, 1), (l1.Key, l1.Counted, l1.Tickets, l1.RespondMet, l1.RespondBreached, l1.ResolveMet, l1.ResolveBreached));
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20), 2), (l1.Mtta.Mean, l1.Mtta.P90, l1.Mtta.Count));
        Assert.Equal((TimeSpan.FromMinutes(70), TimeSpan.FromMinutes(90)), (l1.Mttr.Mean, l1.Mttr.P90));
        var l3 = summary.Levels[1];
        Assert.Equal(("L3", "business", TimeSpan.FromHours(2)), (l3.Key, l3.Counted, l3.Mtta.Mean));
        Assert.Equal((SlaDurations?)new SlaDurations(null, null, 0), l3.Mttr);
        Assert.Equal(["acme", "nc"], summary.Customers.Select(c => c.Key));
        Assert.Equal(("per level", 2), (summary.Customers[1].Counted, summary.Customers[1].Tickets));
        Assert.Equal(4, summary.Total.Tickets);
    }

    [Fact]
    public void Durations_TenValues_P90IsTheNinthNearestRank()
    {
        var values = Enumerable.Range(1, 10).Select(i => TimeSpan.FromMinutes(i)).Reverse().ToList();

        var durations = SlaSummaryBuilder.Durations(values);

        Assert.Equal((TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(9), 10), (durations.Mean, durations.P90, durations.Count));
    }

    [Fact]
    public void Build_NoTickets_EmptyGroupsAndZeroTotal()
    {
        var summary = SlaSummaryBuilder.Build(T0, T0.AddDays(1), [], new HalfTimeForBusinessLevels());

        Assert.Empty(summary.Levels);
        Assert.Empty(summary.Customers);
        Assert.Equal((0, null), (summary.Total.Tickets, summary.Total.Mtta.Mean));
    }

    /// <summary>L1/L2 wall time; L3/L4 "business time" as half the wall time, easy to check by hand.</summary>
    private sealed class HalfTimeForBusinessLevels : ISlaClock
    {
        public bool CountsBusinessTime(SupportLevel level) => level >= SupportLevel.L3;

        public TimeSpan Counted(SupportLevel level, DateTimeOffset since, DateTimeOffset until) =>
            until <= since ? TimeSpan.Zero : CountsBusinessTime(level) ? (until - since) / 2 : until - since;

        public TicketDeadlines DeadlinesFor(SupportLevel level, DateTimeOffset start) => throw new NotSupportedException();
    }
}
