namespace AlertEngine.Pipeline;

/// <summary>
/// What the inbox writer did since start (<see cref="EngineMetrics.InboxWriterTotals"/>): batches
/// committed, the events in them, and the time spent on them (waiting for the write lock,
/// inserting, committing); and the fsyncs of the write-ahead log that made them durable, with
/// their time (on a thread of their own, beside the writer's).
/// </summary>
public sealed record InboxWriterTotals(long Batches, long Events, TimeSpan Writing, long LogSyncs, TimeSpan Syncing);
