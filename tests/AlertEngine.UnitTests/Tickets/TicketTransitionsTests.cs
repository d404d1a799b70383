using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

/// <summary>Every state × action: allowed or not, where it leads, and the reason people read in a 409.</summary>
public sealed class TicketTransitionsTests
{
    // rule, from, action, allowed, to, words the reason must hold
    public static TheoryData<string, TicketState, TicketAction, bool, TicketState, string> Table => new()
    {
        { "an open ticket is acknowledged", TicketState.Open, TicketAction.Acknowledge, true, TicketState.Acknowledged, "open → acknowledged" },
        { "an open ticket may be resolved without an acknowledgement", TicketState.Open, TicketAction.Resolve, true, TicketState.Resolved, "open → resolved" },
        { "an open ticket cannot be closed: resolve first", TicketState.Open, TicketAction.Close, false, TicketState.Open, "resolve it first" },
        { "a comment on an open ticket keeps it open", TicketState.Open, TicketAction.Comment, true, TicketState.Open, "leaves the ticket open" },
        { "an acknowledgement is given once", TicketState.Acknowledged, TicketAction.Acknowledge, false, TicketState.Acknowledged, "already acknowledged" },
        { "an acknowledged ticket is resolved", TicketState.Acknowledged, TicketAction.Resolve, true, TicketState.Resolved, "acknowledged → resolved" },
        { "an acknowledged ticket cannot be closed: resolve first", TicketState.Acknowledged, TicketAction.Close, false, TicketState.Acknowledged, "only a resolved ticket can be closed" },
        { "a comment on an acknowledged ticket keeps it acknowledged", TicketState.Acknowledged, TicketAction.Comment, true, TicketState.Acknowledged, "leaves the ticket acknowledged" },
        { "a resolved ticket is not acknowledged any more", TicketState.Resolved, TicketAction.Acknowledge, false, TicketState.Resolved, "a resolved ticket cannot be acknowledged" },
        { "a resolved ticket is not resolved twice", TicketState.Resolved, TicketAction.Resolve, false, TicketState.Resolved, "already resolved" },
        { "a resolved ticket is closed", TicketState.Resolved, TicketAction.Close, true, TicketState.Closed, "resolved → closed" },
        { "a comment on a resolved ticket keeps it resolved", TicketState.Resolved, TicketAction.Comment, true, TicketState.Resolved, "leaves the ticket resolved" },
        { "a closed ticket cannot be acknowledged", TicketState.Closed, TicketAction.Acknowledge, false, TicketState.Closed, "a closed ticket cannot be acknowledged" },
        { "a closed ticket cannot be resolved", TicketState.Closed, TicketAction.Resolve, false, TicketState.Closed, "a closed ticket cannot be resolved" },
        { "a closed ticket is not closed twice", TicketState.Closed, TicketAction.Close, false, TicketState.Closed, "already closed" },
        { "a closed ticket still takes a comment (a post-mortem note)", TicketState.Closed, TicketAction.Comment, true, TicketState.Closed, "leaves the ticket closed" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_StateAndAction_AllowedOrDeniedWithReason(string rule, TicketState from, TicketAction action, bool allowed, TicketState to, string reason)
    {
        var transition = TicketTransitions.Decide(from, action);

        Assert.True(transition.Allowed == allowed, $"{rule}: {transition}");
        Assert.True(transition.To == to, $"{rule}: {transition}");
        Assert.Contains(reason, transition.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CoversEveryStateAndAction()
    {
        var rows = Table.Select(row => (row.Data.Item2, row.Data.Item3)).ToHashSet();

        var missing = Enum.GetValues<TicketState>().SelectMany(s => Enum.GetValues<TicketAction>().Select(a => (s, a))).Where(p => !rows.Contains(p)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Explain_Refusal_NamesTicketStateAndReason()
    {
        var transition = TicketTransitions.Decide(TicketState.Closed, TicketAction.Acknowledge);

        var text = TicketTransitions.Explain("1001", TicketState.Closed, transition);

        Assert.Equal("ticket 1001 is closed: a closed ticket cannot be acknowledged", text);
    }
}
