namespace AlertEngine.Classify;

/// <summary>
/// One thing wrong with the rules folder, where it is (file, 1-based line and column) and why.
/// Printed as <c>file:line:column: reason</c>, the form editors and CI logs link to (line 0: the
/// whole file or folder).
/// </summary>
public sealed record RuleError(string File, int Line, int Column, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Reason}" : $"{File}: {Reason}";
}
