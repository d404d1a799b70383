namespace AlertEngine.Classify;

/// <summary>One condition of a rule's <c>match:</c> block, compiled once per load.</summary>
internal interface IEventMatcher
{
    /// <summary>Cheap matchers run first; the number orders them.</summary>
    int Cost { get; }

    bool Matches(RuleInput input);

    /// <summary>Why the input did not match, in words for <c>rules explain</c>.</summary>
    string Mismatch(RuleInput input);
}
