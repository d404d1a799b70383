namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// Runs cases against a rule set: classifies each case's event at its instant (the same
/// <see cref="RuleSet.Classify"/> the engine runs) and compares every expected key. Pure.
/// </summary>
internal static class RuleCaseRunner
{
    public static IReadOnlyList<RuleCaseResult> Run(RuleSet rules, IReadOnlyList<RuleCase> cases)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Select(c => Run(rules, c))];
    }

    public static RuleCaseResult Run(RuleSet rules, RuleCase c)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(c);
        var actual = rules.Classify(c.Event, c.At);
        var differences = c.Expect
            .Select(x => new RuleCaseDifference(x.Key, x.Expected, RuleCaseKeys.Actual(x.Key, actual)))
            .Where(d => !string.Equals(d.Expected, d.Actual, StringComparison.Ordinal))
            .ToList();
        return new RuleCaseResult(c, actual, differences);
    }
}

/// <summary>A case run: what the rules decided and every expected key they decided otherwise (none: passed).</summary>
internal sealed record RuleCaseResult(RuleCase Case, Classification Actual, IReadOnlyList<RuleCaseDifference> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>One key a case expected otherwise: printed as <c>- key: expected</c> / <c>+ key: actual</c>.</summary>
internal sealed record RuleCaseDifference(string Key, string Expected, string Actual);
