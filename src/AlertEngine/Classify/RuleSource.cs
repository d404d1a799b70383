namespace AlertEngine.Classify;

/// <summary>One rule file's text and the name errors show for it (e.g. <c>rules/90-levels.yaml</c>).</summary>
public sealed record RuleSource(string Name, string Text);

/// <summary>The result of loading a rules folder: the compiled set, or every error found.</summary>
public sealed record RuleSetLoad(RuleSet? Rules, IReadOnlyList<RuleError> Errors)
{
    public bool Succeeded => Rules is not null && Errors.Count == 0;
}
