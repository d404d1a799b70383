using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Where each escalation step falls for one ticket, and which are due.</summary>
public sealed class EscalationPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 3, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Timeline_DefaultL1_NowFiveTenAndTheRespondDeadline()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L1), Start, Start.AddMinutes(15));

        Assert.Equal([0, 5, 10, 15], timeline.Select(s => (s.At - Start).TotalMinutes));
        Assert.Equal([0, 1, 2, 3], timeline.Select(s => s.Index));
        Assert.True(timeline[3].Step.AtRespondDeadline);
    }

    [Fact]
    public void Timeline_RespondDeadlineBeforeTheBackup_OrderedByInstant()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L1), Start, Start.AddMinutes(7));

        Assert.Equal([0, 5, 7, 10], timeline.Select(s => (s.At - Start).TotalMinutes));
        Assert.True(timeline[2].Step.AtRespondDeadline);
    }

    [Fact]
    public void Timeline_RespondDeadlineAlreadyPast_FiresAtTheStartNeverBefore()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L1), Start, Start.AddHours(-1));

        Assert.Equal([0, 0, 5, 10], timeline.Select(s => (s.At - Start).TotalMinutes));
    }

    [Fact]
    public void Timeline_NoDeadlineYet_RespondStepGoesWithTheLastTimedStep()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L1), Start, respondBy: null);

        Assert.Equal([0, 5, 10, 10], timeline.Select(s => (s.At - Start).TotalMinutes));
    }

    [Fact]
    public void Timeline_Repeat_EachRoundOneRoundLengthLater()
    {
        var steps = new[]
        {
            Step(0, TimeSpan.Zero),
            Step(1, TimeSpan.FromMinutes(5)),
        };
        var timeline = EscalationPlanner.Timeline(new EscalationPolicy(SupportLevel.L2, steps, Repeat: 2), Start, null);

        // Round length: the last offset (5) plus the shortest gap (5).
        Assert.Equal([0, 5, 10, 15, 20, 25], timeline.Select(s => (s.At - Start).TotalMinutes));
        Assert.Equal([0, 0, 1, 1, 2, 2], timeline.Select(s => s.Round));
    }

    [Fact]
    public void Timeline_SingleStepRepeated_FiveMinutesApart()
    {
        var timeline = EscalationPlanner.Timeline(new EscalationPolicy(SupportLevel.L3, [Step(0, TimeSpan.Zero)], Repeat: 1), Start, null);

        Assert.Equal([0, 5], timeline.Select(s => (s.At - Start).TotalMinutes));
    }

    [Fact]
    public void Due_EngineDownAcrossTwoSteps_BothDueAndTheNextAfterThem()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L1), Start, Start.AddMinutes(15));

        var (due, next) = EscalationPlanner.Due(timeline, nextStep: 1, Start.AddMinutes(12));

        Assert.Equal([1, 2], due.Select(s => s.Index));
        Assert.Equal(3, next!.Index);
    }

    [Fact]
    public void Due_LastStepFired_NothingNext()
    {
        var timeline = EscalationPlanner.Timeline(EscalationPolicies.Defaults.For(SupportLevel.L3), Start, null);

        var (due, next) = EscalationPlanner.Due(timeline, nextStep: 0, Start);

        Assert.Single(due);
        Assert.Null(next);
    }

    private static EscalationStep Step(int index, TimeSpan after) =>
        new(index, after, AtRespondDeadline: false, [PageTarget.OnDuty], [PageChannel.Sms]);
}
