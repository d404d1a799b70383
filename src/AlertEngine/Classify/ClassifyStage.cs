using AlertEngine.Pipeline;

namespace AlertEngine.Classify;

/// <summary>
/// Decides the event's level, customer, team, correlation key, paging, recurrence and flapping
/// with the rules running now, as of when the problem started in Zabbix. An update that carries
/// a new severity (<c>changed severity</c> in Zabbix) is classified with that new severity, so the
/// correlate stage can re-level the ticket from it.
/// </summary>
public sealed class ClassifyStage(RuleSetProvider rules) : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var e = context.RequireEvent();
        var asClassified = e.Update?.NewSeverity is { } severity && severity != e.Severity ? e with { Severity = severity } : e;
        var classification = rules.Current.Classify(asClassified);
        return ValueTask.FromResult(StageOutcome.Continue(context with { Classification = classification }));
    }
}
