using AlertEngine.Pipeline;

namespace AlertEngine.Classify;

/// <summary>Decides the event's level, customer, team and correlation key.</summary>
public sealed class ClassifyStage : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var classification = DefaultClassifier.Classify(context.RequireEvent());
        return ValueTask.FromResult(StageOutcome.Continue(context with { Classification = classification }));
    }
}
