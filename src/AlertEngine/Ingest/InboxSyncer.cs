using System.Threading.Channels;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Ingest;

/// <summary>
/// The second half of group commit: answers the requests of committed inbox batches once the
/// write-ahead log is on disk. The inbox writer commits without waiting for the disk and goes on
/// with the next batch while this fsyncs the log on a thread of its own; one fsync answers every
/// batch committed before it started. A 2xx still means "on disk": no request is answered before
/// the fsync that covers its commit has returned.
/// </summary>
internal sealed partial class InboxSyncer : IDisposable
{
    private readonly Channel<CommittedBatch> _committed = Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Action _flushLog;
    private readonly EngineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Thread _thread;

    /// <param name="flushLog">Blocks until the log is on disk (<see cref="WriteAheadLogSync.Flush"/>); throws when it cannot be.</param>
    /// <param name="metrics">Where each fsync's time is recorded.</param>
    /// <param name="time">The engine's clock, for that time.</param>
    /// <param name="logger">Where a failed fsync is reported.</param>
    public InboxSyncer(Action flushLog, EngineMetrics metrics, TimeProvider time, ILogger logger)
    {
        _flushLog = flushLog;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _thread = new Thread(SyncUntilCompleted) { IsBackground = true, Name = "inbox log sync" };
        _thread.Start();
    }

    /// <summary>Hands over a committed batch: its requests get <paramref name="results"/> once the log is on disk.</summary>
    public void Answer(TaskCompletionSource<IntakeResult>[] requests, IntakeResult[] results) =>
        _committed.Writer.TryWrite(new CommittedBatch(requests, results));

    /// <summary>Answers every batch handed over so far, then stops.</summary>
    public void Dispose()
    {
        _committed.Writer.TryComplete();
        _thread.Join();
    }

    private void SyncUntilCompleted()
    {
        var ready = new List<CommittedBatch>();
        while (WaitForBatches())
        {
            while (_committed.Reader.TryRead(out var batch))
            {
                ready.Add(batch);
            }

            var started = _time.GetTimestamp();
            try
            {
                _flushLog();
                _metrics.InboxLogSynced(_time.GetElapsedTime(started));
                foreach (var batch in ready)
                {
                    for (var i = 0; i < batch.Requests.Length; i++)
                    {
                        batch.Requests[i].TrySetResult(batch.Results[i]);
                    }
                }
            }
#pragma warning disable CA1031 // A failed fsync must fail exactly the requests it was to cover, whatever the cause.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var events = ready.Sum(b => b.Requests.Length);
                LogSyncFailed(_logger, ex, events);
                foreach (var batch in ready)
                {
                    _metrics.InboxBatchFailed();
                    foreach (var request in batch.Requests)
                    {
                        request.TrySetException(new InboxUnavailableException("the inbox could not be written to disk", ex));
                    }
                }
            }

            ready.Clear();
        }
    }

    private bool WaitForBatches()
    {
        var wait = _committed.Reader.WaitToReadAsync(CancellationToken.None);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox's write-ahead log could not be synced to disk; the senders of {Count} events got an error and will retry")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, int count);

    private sealed record CommittedBatch(TaskCompletionSource<IntakeResult>[] Requests, IntakeResult[] Results);
}
