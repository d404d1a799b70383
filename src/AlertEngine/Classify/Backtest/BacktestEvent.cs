using AlertEngine.Ingest;

namespace AlertEngine.Classify.Backtest;

/// <summary>
/// One replayed problem event: what the database holds (and the ticket it went to), the event as
/// parsed from its webhook body, what the candidate rules decide for it, and every difference.
/// </summary>
public sealed record BacktestEvent(StoredProblem Stored, ZabbixEvent Event, Classification Candidate, IReadOnlyList<FieldChange> Changes)
{
    public bool Changed => Changes.Count > 0;
}

/// <summary>One field the candidate rules decide otherwise: <c>level L2 → L1</c>.</summary>
public sealed record FieldChange(string Field, string Actual, string Candidate)
{
    public override string ToString() => $"{Field} {Actual} → {Candidate}";
}
