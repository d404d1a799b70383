using AlertEngine.Pipeline;

namespace AlertEngine.Classify;

/// <summary>
/// Decides the event's level, customer, team, correlation key, paging and recurrence with the
/// rules running now, as of when the problem started in Zabbix.
/// </summary>
public sealed class ClassifyStage(RuleSetProvider rules) : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var classification = rules.Current.Classify(context.RequireEvent());
        return ValueTask.FromResult(StageOutcome.Continue(context with { Classification = classification }));
    }
}
