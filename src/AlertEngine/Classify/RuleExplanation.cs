namespace AlertEngine.Classify;

/// <summary>
/// How the rules classified one event, for <c>rules explain</c> and <c>rules test</c>: each rule
/// tried in order (matched, and what it set; or why it did not match), the maintenance windows
/// that were open, and the result.
/// </summary>
public sealed record RuleExplanation(
    DateTimeOffset At,
    IReadOnlyList<RuleVerdict> Rules,
    IReadOnlyList<RuleVerdict> Maintenance,
    Classification Result);

/// <summary>
/// One rule (or maintenance window) tried: where it is written, whether it matched, what it
/// set (only what was not set before it) or why it did not match.
/// </summary>
public sealed record RuleVerdict(string Name, string Where, bool Matched, string? WhyNot, IReadOnlyList<string> Set);
