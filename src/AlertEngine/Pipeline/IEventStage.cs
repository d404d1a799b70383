namespace AlertEngine.Pipeline;

/// <summary>
/// One step of processing an inbox event. Runs inside the runner's transaction (through the
/// context's session), never commits, never calls another stage or an outside service.
/// </summary>
public interface IEventStage
{
    /// <summary>Continue with an enriched copy of the context, or stop with a reason.</summary>
    ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken);
}
