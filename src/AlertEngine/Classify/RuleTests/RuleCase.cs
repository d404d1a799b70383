using AlertEngine.Ingest;

namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// One case of a rules test file (<c>rules/tests/*.yaml</c>): an event, the instant it is
/// classified at (null: the event's clock), and what the rules are expected to decide. Only the
/// keys written under <c>expect:</c> are checked.
/// </summary>
internal sealed record RuleCase(string Name, string File, int Line, int Column, ZabbixEvent Event, DateTimeOffset? At, IReadOnlyList<RuleExpectation> Expect)
{
    /// <summary>Where the case is written, <c>file:line</c>.</summary>
    public string Where => $"{File}:{Line}";
}

/// <summary>One expected value of a case: the key under <c>expect:</c> and its value as <see cref="RuleCaseKeys.Actual"/> writes it.</summary>
internal sealed record RuleExpectation(string Key, string Expected);
