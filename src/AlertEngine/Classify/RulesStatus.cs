namespace AlertEngine.Classify;

/// <summary>
/// Which rules run and whether the folder on disk is what runs: <see cref="Rejected"/> holds
/// the errors of the last change that could not be applied (the last good set keeps running)
/// until the folder is good again. Shown by <c>/healthz</c>.
/// </summary>
public sealed record RulesStatus(string Source, DateTimeOffset LoadedAt, int Rules, int MaintenanceWindows, RejectedRules? Rejected)
{
    public bool Valid => Rejected is null;
}

/// <summary>A change to the rules folder that was rejected, when, and why.</summary>
public sealed record RejectedRules(DateTimeOffset At, IReadOnlyList<RuleError> Errors);

/// <summary>The rules folder is invalid at start: the engine does not run on rules nobody meant.</summary>
public sealed class RulesInvalidException(string source, IReadOnlyList<RuleError> errors)
    : Exception($"the rules in {source} are invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")})")
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
