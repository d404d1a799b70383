using AlertEngine.Correlate;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>When an active PROBLEM resolves by itself: its key stayed away for the quiet period, no ALERT still active.</summary>
public sealed class QuietDecisionTests
{
    private static readonly DateTimeOffset LastActive = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    // rule, time since last active, an ALERT still active?, resolves?, reason
    public static TheoryData<string, TimeSpan, bool, bool, string> Table => new()
    {
        { "quiet for exactly the period", TimeSpan.FromDays(3), false, true, "Resolved: quiet period over, no occurrence for 3d (quiet 3d, from the rules' recurrence)" },
        { "quiet for longer", TimeSpan.FromDays(4), false, true, "Resolved: quiet period over, no occurrence for 4d (quiet 3d, from the rules' recurrence)" },
        { "a minute short", TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), false, false, "PROBLEM 90: quiet for 71h59m of 3d" },
        { "an ALERT still in problem", TimeSpan.FromDays(30), true, false, "PROBLEM 90: a linked ALERT is still active" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_QuietTimeAndActiveAlert_ResolvesOrNot(string rule, TimeSpan away, bool alertActive, bool resolves, string reason)
    {
        var verdict = QuietDecision.Decide(new ActiveProblem(90, "90", TimeSpan.FromDays(3), LastActive, alertActive), LastActive + away);

        Assert.True(resolves == verdict.Resolve, rule);
        Assert.Equal(reason, verdict.Reason);
    }
}
