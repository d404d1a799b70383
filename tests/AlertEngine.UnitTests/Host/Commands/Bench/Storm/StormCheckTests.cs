using AlertEngine.Host.Commands.Bench.Storm;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Storm;

/// <summary>The storm check: a file that holds what the generator expects passes; any wrong ticket, row or answer is a named mismatch.</summary>
public sealed class StormCheckTests
{
    private static readonly StormPlan Plan = StormGenerator.Generate(2_000, 100, seed: 5, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Compare_AsExpected_NoMismatch()
    {
        var verdict = StormCheck.Compare(Plan, Perfect(), PerfectTally());

        Assert.True(verdict.Ok, string.Join("\n", verdict.Lines.Where(l => !l.Ok)));
        Assert.Empty(verdict.Examples);
    }

    [Fact]
    public void Compare_TicketLeftOpen_MismatchNamesTheKey()
    {
        var resolved = Plan.Triggers.First(t => t.Recovers);
        var observed = Perfect();
        var tickets = observed.Tickets.Select(t => t.TriggerId == resolved.TriggerId ? t with { State = "open" } : t).ToList();

        var verdict = StormCheck.Compare(Plan, observed with { Tickets = tickets }, PerfectTally());

        Assert.False(verdict.Ok);
        Assert.Contains(verdict.Lines, l => l is { Name: "keys whose ticket is wrong", Actual: 1, Ok: false });
        Assert.Contains(verdict.Lines, l => l is { Name: "ALERT tickets resolved", Ok: false });
        Assert.Contains(verdict.Examples, e => e.Contains($"key #{resolved.Index} ", StringComparison.Ordinal) && e.Contains("is open, expected resolved", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_UpdateMissingFromTheInbox_Mismatch()
    {
        var observed = Perfect();
        var lost = observed.Inbox.First(r => r.Kind == "update");
        var inbox = observed.Inbox.Select(r => r == lost ? r with { Rows = r.Rows - 1 } : r).ToList();

        var verdict = StormCheck.Compare(Plan, observed with { Inbox = inbox }, PerfectTally());

        Assert.Contains(verdict.Lines, l => l is { Name: "inbox rows", Ok: false });
        Assert.Contains(verdict.Lines, l => l is { Name: "deliveries not stored exactly once", Actual: 1 });
    }

    [Fact]
    public void Compare_ExtraProblemTicketAndPoisonedRow_Mismatches()
    {
        var observed = Perfect();
        var inbox = observed.Inbox.Select((r, i) => i == 0 ? r with { Poisoned = 1 } : r).ToList();
        var tickets = observed.Tickets.Append(new StormTicketRow(99_999, "PROBLEM", "open", null, 3, null)).ToList();

        var verdict = StormCheck.Compare(Plan, new StormObserved(tickets, observed.Events, inbox), PerfectTally());

        Assert.Contains(verdict.Lines, l => l is { Name: "other tickets (PROBLEM, REQUEST, …)", Actual: 1, Ok: false });
        Assert.Contains(verdict.Lines, l => l is { Name: "inbox rows poisoned", Actual: 1, Ok: false });
        Assert.Contains(verdict.Lines, l => l is { Name: "ALERT tickets", Ok: true });
    }

    [Fact]
    public void Compare_RedeliveryStoredAgain_Mismatch()
    {
        var tally = PerfectTally();
        tally.Answered(Plan.Deliveries.First(d => d.Redelivery), 202, earlierAttemptUnanswered: false, TimeSpan.FromMilliseconds(1));

        var verdict = StormCheck.Compare(Plan, Perfect(), tally);

        Assert.Contains(verdict.Lines, l => l is { Name: "answered 202 (stored)", Ok: false });
        Assert.Contains(verdict.Examples, e => e.Contains("answered 202 (stored again)", StringComparison.Ordinal));
    }

    /// <summary>What the engine's file holds when it did everything right.</summary>
    private static StormObserved Perfect()
    {
        var tickets = Plan.Triggers.Select(t => new StormTicketRow(1_001 + t.Index, "ALERT", t.FinalState, t.TriggerId, 1, t.AcknowledgedBy)).ToList();
        var events = Plan.Triggers.Select(t => new StormEventRow(t.ProblemEventId, 1_001 + t.Index, t.Recovers)).ToList();
        var inbox = Plan.Triggers.SelectMany(t => new[]
        {
            new StormInboxRow(t.ProblemEventId, "problem", 1, 0, 0),
            new StormInboxRow(t.ProblemEventId, "update", (t.AcknowledgedBy is null ? 0 : 1) + t.Comments, 0, 0),
            new StormInboxRow(t.ProblemEventId, "recovery", t.Recovers ? 1 : 0, 0, 0),
        }).Where(r => r.Rows > 0).ToList();
        return new StormObserved(tickets, events, inbox);
    }

    /// <summary>202 for every distinct delivery, 200 for every redelivery.</summary>
    private static StormTally PerfectTally()
    {
        var tally = new StormTally();
        foreach (var d in Plan.Deliveries)
        {
            tally.Answered(d, d.Redelivery ? 200 : 202, earlierAttemptUnanswered: false, TimeSpan.FromMilliseconds(1));
        }

        return tally;
    }
}
