using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>One rule of the rules folder, compiled: where it is written, what it matches, what it sets.</summary>
internal sealed record Rule(string Name, string File, int Line, RuleMatcher Match, RuleResults Results, bool Continue)
{
    public string Where => $"{File}:{Line}";
}

/// <summary>What a matching rule sets. Null means "not set by this rule".</summary>
internal sealed record RuleResults
{
    public SupportLevel? Level { get; init; }
    public RuleTemplate? Customer { get; init; }
    public string? Team { get; init; }
    public RuleTemplate? CorrelateBy { get; init; }
    public RecurrencePolicy? Recurrence { get; init; }
    public FlappingPolicy? Flapping { get; init; }
    public PagePolicy? Page { get; init; }
    public IReadOnlyDictionary<string, RuleTemplate> Labels { get; init; } = new Dictionary<string, RuleTemplate>();
    public bool? Ignore { get; init; }

    public bool UsesCaptures =>
        (Customer?.UsesCaptures ?? false) || (CorrelateBy?.UsesCaptures ?? false) || Labels.Values.Any(l => l.UsesCaptures);

    public IEnumerable<RuleTemplate> Templates =>
        new[] { Customer, CorrelateBy }.OfType<RuleTemplate>().Concat(Labels.Values);
}
