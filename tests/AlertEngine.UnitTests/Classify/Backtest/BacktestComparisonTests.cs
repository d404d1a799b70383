using AlertEngine.Classify;
using AlertEngine.Classify.Backtest;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Classify.Backtest;

/// <summary>The backtest's pure decisions: what changed for one event, and what a ticket's page would do.</summary>
public sealed class BacktestComparisonTests
{
    private static readonly RuleSettings Settings = InlineRules.Load("rules: []").Settings;

    // Wednesday 2026-11-25: 10:00 and 23:00 in Shanghai.
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_SameDecision_NoChange()
    {
        var stored = Stored(new ActualTicket(1, "1001", SupportLevel.L2, "acme", "ops", PagePolicy.Now, false));

        Assert.Empty(BacktestComparison.Compare(stored, Candidate(SupportLevel.L2, "acme")));
    }

    [Fact]
    public void Compare_EverythingDifferent_EveryFieldFromActualToCandidate()
    {
        var stored = Stored(new ActualTicket(1, "1001", SupportLevel.L2, "acme", "ops", PagePolicy.Now, false));
        var candidate = Candidate(SupportLevel.L1, null) with
        {
            Team = "dba",
            Page = PagePolicy.Never,
            Ignore = true,
            SuppressedBy = "maintenance window 'x'",
        };

        var changes = BacktestComparison.Compare(stored, candidate);

        Assert.Equal(
            ["level L2 → L1", "customer acme → (none)", "team ops → dba", "page now → never", "ignore no → yes", "suppressed no → yes"],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compare_TicketFromBeforeRules_TeamAndPageNotCompared()
    {
        var stored = Stored(new ActualTicket(1, "1001", SupportLevel.L2, "acme", null, null, false));

        Assert.Empty(BacktestComparison.Compare(stored, Candidate(SupportLevel.L2, "acme") with { Team = "dba", Page = PagePolicy.Never }));
    }

    [Fact]
    public void Compare_IgnoredEventTheCandidateTickets_IgnoreChangeOnly()
    {
        var stored = Stored(null) with { Outcome = "stopped: ignored by rule 'noise': no ticket" };

        Assert.Equal(["ignore yes → no"], BacktestComparison.Compare(stored, Candidate(SupportLevel.L4, null)).Select(c => c.ToString()));
    }

    [Fact]
    public void Compare_PoisonedEvent_NothingToCompare()
    {
        Assert.Empty(BacktestComparison.Compare(Stored(null) with { Outcome = "poisoned" }, Candidate(SupportLevel.L1, null)));
    }

    // what it checks, policy, suppressed, at, outcome
    public static TheoryData<string, PagePolicy?, bool, DateTimeOffset, PageOutcome> Pages => new()
    {
        { "now pages now at night", PagePolicy.Now, false, Night, PageOutcome.Now },
        { "business hours in business hours pages now", PagePolicy.BusinessHours, false, Day, PageOutcome.Now },
        { "business hours at night is held", PagePolicy.BusinessHours, false, Night, PageOutcome.Held },
        { "never never pages", PagePolicy.Never, false, Day, PageOutcome.Never },
        { "suppressed never pages", PagePolicy.Now, true, Day, PageOutcome.Never },
        { "no recorded policy is unknown", null, false, Day, PageOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_PolicySuppressionAndTime_Outcome(string rule, PagePolicy? policy, bool suppressed, DateTimeOffset at, PageOutcome expected)
    {
        Assert.True(expected == BacktestComparison.Page(policy, suppressed, at, "ops", Settings), rule);
    }

    internal static StoredProblem Stored(ActualTicket? ticket) =>
        new(1, "zbx-a", "51", Day, "{}", ticket is null ? null : "ticket", ticket);

    internal static Classification Candidate(SupportLevel level, string? customer) =>
        new(level, customer, "ops", "zbx-a:trigger:1", "test") { Page = PagePolicy.Now };
}
