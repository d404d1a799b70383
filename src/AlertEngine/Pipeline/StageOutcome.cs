namespace AlertEngine.Pipeline;

/// <summary>
/// What a stage decided: carry on with <see cref="Context"/>, or stop with <see cref="Reason"/>
/// (suppressed, nothing to do, ...). Expected conditions are outcomes, not exceptions.
/// </summary>
public sealed record StageOutcome(EventContext Context, bool Stop, string? Reason)
{
    public static StageOutcome Continue(EventContext context) => new(context, false, null);

    public static StageOutcome Stopped(EventContext context, string reason) => new(context, true, reason);
}
