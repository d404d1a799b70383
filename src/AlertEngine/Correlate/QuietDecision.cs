using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>Whether an active PROBLEM resolves by itself now, and why (or why not).</summary>
public sealed record QuietVerdict(bool Resolve, string Reason);

/// <summary>
/// The quiet-period decision (pure). A PROBLEM resolves by itself once its key has stayed away for
/// its quiet period: no linked ALERT is still active, and the later of its last occurrence and the
/// last recovery of a linked ALERT is at least the quiet period ago.
/// </summary>
public static class QuietDecision
{
    public static QuietVerdict Decide(ActiveProblem problem, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var quiet = RuleDuration.Format(problem.Quiet);
        if (problem.AlertActive)
        {
            return new(false, $"PROBLEM {problem.Number}: a linked ALERT is still active");
        }

        var away = now - problem.LastActiveAt;
        return away >= problem.Quiet
            ? new(true, $"Resolved: quiet period over, no occurrence for {RuleDuration.Format(away)} (quiet {quiet}, from the rules' recurrence)")
            : new(false, $"PROBLEM {problem.Number}: quiet for {RuleDuration.Format(away)} of {quiet}");
    }
}
