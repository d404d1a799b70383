namespace AlertEngine.Paging;

/// <summary>One step of a chain placed in time: its index across rounds, its round, the step and when it fires.</summary>
public sealed record PlannedStep(int Index, int Round, EscalationStep Step, DateTimeOffset At);

/// <summary>
/// The pure escalation decision (no I/O): where each step of a policy falls for one ticket. A step
/// fires <c>after</c> its delay from the chain's start, or at the ticket's respond-by deadline
/// (<c>at: respond_deadline</c>; never before the start; with the last timed step when the ticket has
/// no deadline, so it never jumps to the front). Steps fire
/// in time order. A policy that repeats runs its steps again, each round one round-length later;
/// the round length is the last step's offset plus the shortest gap between two steps (5 minutes
/// when the policy has a single step), so a repeat never lands on the previous round's last step.
/// </summary>
public static class EscalationPlanner
{
    private static readonly TimeSpan SingleStepRound = TimeSpan.FromMinutes(5);

    /// <summary>Every step of the chain in firing order.</summary>
    public static IReadOnlyList<PlannedStep> Timeline(EscalationPolicy policy, DateTimeOffset startedAt, DateTimeOffset? respondBy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var lastTimed = policy.Steps.Where(s => !s.AtRespondDeadline).Select(s => Offset(s, startedAt, null, TimeSpan.Zero)).DefaultIfEmpty(TimeSpan.Zero).Max();
        var offsets = policy.Steps
            .Select(step => (Step: step, Offset: Offset(step, startedAt, respondBy, lastTimed)))
            .OrderBy(s => s.Offset)
            .ThenBy(s => s.Step.Index)
            .ToList();
        if (offsets.Count == 0)
        {
            return [];
        }

        var round = RoundLength(offsets.Select(o => o.Offset).ToList());
        var timeline = new List<PlannedStep>(offsets.Count * (policy.Repeat + 1));
        for (var r = 0; r <= policy.Repeat; r++)
        {
            foreach (var (step, offset) in offsets)
            {
                timeline.Add(new PlannedStep(timeline.Count, r, step, startedAt + (round * r) + offset));
            }
        }

        return timeline;
    }

    /// <summary>
    /// The steps due at <paramref name="now"/> from <paramref name="nextStep"/> on (all of them after a
    /// long stop: each is its own escalation), and the next one after them (null when the chain is over).
    /// </summary>
    public static (IReadOnlyList<PlannedStep> Due, PlannedStep? Next) Due(IReadOnlyList<PlannedStep> timeline, int nextStep, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var due = timeline.Skip(nextStep).TakeWhile(s => s.At <= now).ToList();
        var next = timeline.Skip(nextStep + due.Count).FirstOrDefault();
        return (due, next);
    }

    private static TimeSpan Offset(EscalationStep step, DateTimeOffset startedAt, DateTimeOffset? respondBy, TimeSpan withoutDeadline)
    {
        if (step.AtRespondDeadline)
        {
            return respondBy is not { } deadline ? withoutDeadline
                : deadline > startedAt ? deadline - startedAt
                : TimeSpan.Zero;
        }

        return step.After is { } after && after > TimeSpan.Zero ? after : TimeSpan.Zero;
    }

    private static TimeSpan RoundLength(List<TimeSpan> offsets)
    {
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => b - a).Where(g => g > TimeSpan.Zero).ToList();
        return offsets[^1] + (gaps.Count > 0 ? gaps.Min() : SingleStepRound);
    }
}
