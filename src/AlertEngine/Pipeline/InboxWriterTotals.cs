namespace AlertEngine.Pipeline;

/// <summary>
/// What the inbox writer did since start (<see cref="EngineMetrics.InboxWriterTotals"/>): batches
/// committed, the events in them, and the time spent on them (waiting for the write lock,
/// inserting, committing).
/// </summary>
public sealed record InboxWriterTotals(long Batches, long Events, TimeSpan Writing);
