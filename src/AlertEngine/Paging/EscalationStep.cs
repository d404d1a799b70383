namespace AlertEngine.Paging;

/// <summary>
/// One step of an escalation policy: when it runs — <see cref="After"/> the chain started (the
/// ticket's page time), or at the ticket's respond-by deadline when <see cref="AtRespondDeadline"/>
/// — whom it pages and on which channels. <see cref="Index"/> is its 0-based place in the policy's steps.
/// </summary>
public sealed record EscalationStep(int Index, TimeSpan? After, bool AtRespondDeadline, IReadOnlyList<PageTarget> Targets, IReadOnlyList<PageChannel> Channels)
{
    /// <summary>The instant the step is due in a chain started at <paramref name="chainStart"/> for a ticket due to be acknowledged by <paramref name="respondBy"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset chainStart, DateTimeOffset respondBy) =>
        AtRespondDeadline ? respondBy : chainStart + (After ?? TimeSpan.Zero);

    /// <summary>The step as a rule file writes it, e.g. <c>after 5m: on_duty by call</c>.</summary>
    public override string ToString() =>
        $"{(AtRespondDeadline ? "at respond_deadline" : "after " + Describe(After ?? TimeSpan.Zero))}: "
        + $"{string.Join(", ", Targets.Select(t => t.ToName()))} by {string.Join(" and ", Channels.Select(c => c.ToName()))}";

    private static string Describe(TimeSpan span) =>
        span == TimeSpan.Zero ? "0m" : Classify.RuleDuration.Format(span);
}
