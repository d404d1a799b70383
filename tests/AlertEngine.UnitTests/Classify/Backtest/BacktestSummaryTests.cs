using AlertEngine.Classify;
using AlertEngine.Classify.Backtest;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify.Backtest;

/// <summary>The backtest totals: changes by field and level, tickets opened against candidate keys, pages per ticket.</summary>
public sealed class BacktestSummaryTests
{
    private static readonly RuleSettings Settings = InlineRules.Load("rules: []").Settings;

    [Fact]
    public void Add_Events_CountsChangesTicketsAndPages()
    {
        var summary = new BacktestSummary(Settings);
        var l2 = new ActualTicket(1, "1001", SupportLevel.L2, "acme", "ops", PagePolicy.Now, false);
        var old = new ActualTicket(2, "1002", SupportLevel.L3, null, null, null, false);

        // Two events on ticket 1001 that the candidate makes L1 under two keys; one on an old ticket, unchanged.
        summary.Add(Event(l2, BacktestComparisonTests.Candidate(SupportLevel.L1, "acme") with { CorrelationKey = "k1" }));
        summary.Add(Event(l2, BacktestComparisonTests.Candidate(SupportLevel.L1, "acme") with { CorrelationKey = "k2", Page = PagePolicy.Never }));
        summary.Add(Event(old, BacktestComparisonTests.Candidate(SupportLevel.L3, null) with { CorrelationKey = "k3", Ignore = true }));

        Assert.Equal(3, summary.Replayed);
        Assert.Equal(3, summary.Changed);
        Assert.Equal(2, summary.ChangesOf("level"));
        Assert.Equal(1, summary.ChangesOf("page"));
        Assert.Equal(1, summary.ChangesOf("ignore"));
        Assert.Equal(2, summary.LevelChanges[(SupportLevel.L2, SupportLevel.L1)]);
        Assert.Equal((2, 2), (summary.TicketsOpened, summary.CandidateTickets));
        Assert.Equal((1, 0, 0, 1), (summary.ActualPages(PageOutcome.Now), summary.ActualPages(PageOutcome.Held), summary.ActualPages(PageOutcome.Never), summary.ActualPages(PageOutcome.Unknown)));
        Assert.Equal((1, 1), (summary.CandidatePages(PageOutcome.Now), summary.CandidatePages(PageOutcome.Never)));
    }

    [Fact]
    public void Add_EventsWithoutTicket_CountedByReason()
    {
        var summary = new BacktestSummary(Settings);

        summary.Add(Event(null, BacktestComparisonTests.Candidate(SupportLevel.L4, null), outcome: "poisoned"));
        summary.Add(Event(null, BacktestComparisonTests.Candidate(SupportLevel.L4, null), outcome: null));

        Assert.Equal(1, summary.WithoutTicket["poisoned"]);
        Assert.Equal(1, summary.WithoutTicket["not processed yet"]);
        Assert.Equal(0, summary.TicketsOpened);
    }

    private static BacktestEvent Event(ActualTicket? ticket, Classification candidate, string? outcome = "ticket")
    {
        var stored = BacktestComparisonTests.Stored(ticket) with { Outcome = outcome };
        return new BacktestEvent(stored, ZabbixEvents.Problem(), candidate, BacktestComparison.Compare(stored, candidate));
    }
}
