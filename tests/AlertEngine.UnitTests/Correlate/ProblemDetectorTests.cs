using AlertEngine.Classify;
using AlertEngine.Correlate;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>When a repeat opens a PROBLEM, or is counted on the active one.</summary>
public sealed class ProblemDetectorTests
{
    private static readonly RecurrencePolicy ThreeIn24h = new(3, TimeSpan.FromHours(24));

    // rule, placement, an active PROBLEM?, alert already linked to it?, recurrence on?, returns counted, action, reason
    public static TheoryData<string, Placement, bool, bool, bool, int, ProblemAction, string> Table => new()
    {
        { "third return within the window opens", Placement.OpenTicket, false, false, true, 3, ProblemAction.OpenProblem, "the key came back 3 times within 24h (recurrence: 3 times within 24h)" },
        { "a flap is a return too", Placement.ReopenFlapping, false, false, true, 3, ProblemAction.OpenProblem, "the key came back 3 times within 24h (recurrence: 3 times within 24h)" },
        { "more than enough still opens (after a PROBLEM was resolved)", Placement.OpenTicket, false, false, true, 5, ProblemAction.OpenProblem, "the key came back 5 times within 24h (recurrence: 3 times within 24h)" },
        { "second return: not yet", Placement.OpenTicket, false, false, true, 2, ProblemAction.None, "the key came back 2 of 3 times within 24h" },
        { "an occurrence on an open ALERT is not a return", Placement.AddOccurrence, false, false, true, 0, ProblemAction.None, "one more occurrence on open ticket 7: not a return" },
        { "recurrence off", Placement.OpenTicket, false, false, false, 9, ProblemAction.None, "recurrence is off for this key" },
        { "already on its ticket: nothing new", Placement.AlreadyLinked, true, true, true, 0, ProblemAction.None, "the event is already on its ticket: nothing new to count" },
        { "active PROBLEM: a new ALERT is linked and counted there", Placement.OpenTicket, true, false, true, 0, ProblemAction.CountOnProblem, "PROBLEM 90 is open for this key: ticket 7 linked to it; occurrence counted there" },
        { "active PROBLEM: an occurrence on a linked ALERT is counted there", Placement.AddOccurrence, true, true, true, 0, ProblemAction.CountOnProblem, "PROBLEM 90 is open for this key: occurrence counted there" },
        { "active PROBLEM counts even when recurrence was switched off since", Placement.AddOccurrence, true, true, false, 0, ProblemAction.CountOnProblem, "PROBLEM 90 is open for this key: occurrence counted there" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_PlacementActiveProblemPolicyAndReturns_Action(string rule, Placement placement, bool active, bool linked, bool on, int returns, ProblemAction action, string reason)
    {
        var problem = active ? CorrelationTickets.Problem(90) : null;
        var alert = CorrelationTickets.Alert(7, problemId: linked ? 90 : null);

        var plan = ProblemDetector.Decide(placement, alert, problem, on ? ThreeIn24h : RecurrencePolicy.Off, returns);

        Assert.True(action == plan.Action, $"{rule}: {plan.Action} ({plan.Reason})");
        Assert.Equal(reason, plan.Reason);
        Assert.Same(action == ProblemAction.CountOnProblem ? problem : null, plan.Problem);
    }

    [Theory]
    [InlineData(Placement.OpenTicket, true)]
    [InlineData(Placement.ReopenFlapping, true)]
    [InlineData(Placement.AddOccurrence, false)]
    [InlineData(Placement.AlreadyLinked, false)]
    public void CameBack_Placement_OnlyOpeningOrReopeningCounts(Placement placement, bool cameBack)
    {
        Assert.Equal(cameBack, ProblemDetector.CameBack(placement));
    }
}
