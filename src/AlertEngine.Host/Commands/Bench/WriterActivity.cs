using AlertEngine.Pipeline;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The engine's inbox writer over one run (warm-up included), from its totals before and after:
/// how many events each group commit took on average, how long one took (waiting for the write
/// lock, inserting, committing), and which share of the run it was writing. A writer writing half
/// of the time is waiting for requests the other half: intake is then held back before the writer.
/// Beside it, the fsyncs of the write-ahead log that the requests waited for before their answer.
/// </summary>
internal sealed record WriterActivity(long Batches, long Events, TimeSpan Writing, TimeSpan Run, long LogSyncs, TimeSpan Syncing)
{
    public static WriterActivity Between(InboxWriterTotals before, InboxWriterTotals after, TimeSpan run)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new(after.Batches - before.Batches, after.Events - before.Events, after.Writing - before.Writing, run, after.LogSyncs - before.LogSyncs, after.Syncing - before.Syncing);
    }

    /// <summary>Events per group commit; NaN without a batch.</summary>
    public double EventsPerBatch => Batches > 0 ? (double)Events / Batches : double.NaN;

    /// <summary>Milliseconds per group commit; NaN without a batch.</summary>
    public double MsPerBatch => Batches > 0 ? Writing.TotalMilliseconds / Batches : double.NaN;

    /// <summary>Share of the run the writer spent writing; NaN for an empty run.</summary>
    public double WritingShare => Run > TimeSpan.Zero ? Writing / Run : double.NaN;

    /// <summary>Milliseconds per fsync of the log; NaN without one.</summary>
    public double MsPerLogSync => LogSyncs > 0 ? Syncing.TotalMilliseconds / LogSyncs : double.NaN;

    public override string ToString() => Batches == 0
        ? "writer: no batch committed"
        : $"writer: {Text.Count(Batches)} group commits of {EventsPerBatch.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} events on average, "
          + $"{Text.Ms(MsPerBatch)} ms each (write lock, insert, commit), writing {Text.Percent(WritingShare)} of the run (warm-up included); "
          + (LogSyncs == 0 ? "no fsync of the log apart from the commits" : $"{Text.Count(LogSyncs)} fsyncs of the log, {Text.Ms(MsPerLogSync)} ms each");
}
