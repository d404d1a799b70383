using System.Threading.Channels;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest;

/// <summary>
/// Group commit for intake: requests queue their event and wait; one writer takes whatever is
/// queued (up to <see cref="IngestOptions.WriteBatchSize"/>), inserts it in one transaction and
/// commits; the requests are answered once that commit is on disk. A 2xx therefore always means
/// "on disk", while thousands of events a second share a handful of fsyncs. The disk wait is
/// pipelined: the writer's first commit waits for the disk itself (FULL sync), later ones do not,
/// and an <see cref="InboxSyncer"/> fsyncs the write-ahead log on its own thread and answers the
/// batches it covers while the writer inserts and commits the next.
/// </summary>
public sealed partial class InboxWriter : BackgroundService
{
    private readonly Channel<Pending> _queue;
    private readonly SqliteConnectionFactory _connections;
    private readonly WriteGate _gate;
    /// <summary>Zabbix's disaster severity: the pipeline runner takes events of it in a turn of their own, first.</summary>
    public const int DisasterSeverity = 5;

    private readonly Doorbell _doorbell;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxWriter> _logger;
    private readonly EngineMetrics _metrics;
    private readonly int _batchSize;

    private readonly long _stormHoldTicks;

    /// <summary>Timestamp (of the engine's TimeProvider) until which a storm counts as on; see <see cref="IsStorming"/>.</summary>
    private long _stormUntil;

    public InboxWriter(SqliteConnectionFactory connections, WriteGate gate, Doorbell doorbell, TimeProvider time, IOptions<IngestOptions> options, EngineMetrics metrics, ILogger<InboxWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections = connections;
        _gate = gate;
        _doorbell = doorbell;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _batchSize = options.Value.WriteBatchSize;
        _stormHoldTicks = (long)(StormHold.TotalSeconds * time.TimestampFrequency);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events waiting for the writer now.</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>How long a storm counts as on after intake last committed several events at once.</summary>
    public static readonly TimeSpan StormHold = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// True while webhook requests overlap: intake committed a batch of more than one event within
    /// the last <see cref="StormHold"/>. Zabbix sending one event at a time is ordinary traffic,
    /// however steady; requests arriving while others are being stored are what a storm looks
    /// like. It stays on between the writer's batches: under a storm the writer waits for the next
    /// requests about half of the time, and the runner is not to take each such moment for a full
    /// turn at the write lock and the CPU that intake needs.
    /// </summary>
    public bool IsStorming => _time.GetTimestamp() < Volatile.Read(ref _stormUntil);

    /// <summary>
    /// Queues an event and completes once its batch is committed (Accepted or Duplicate), or at
    /// once with Busy when the queue is full. Throws when the batch could not be committed.
    /// </summary>
    public Task<IntakeResult> WriteAsync(IncomingEvent incoming)
    {
        var pending = new Pending(incoming, new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromResult(IntakeResult.Busy);
    }

    /// <summary>
    /// The writer runs on a thread of its own: its inserts and FULL-sync commits block, and on a
    /// small machine a blocked thread-pool thread is one that cannot answer HTTP requests.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(WriteUntilCompleted, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteUntilCompleted()
    {
        var batch = new List<Pending>(_batchSize);
        using var connection = _connections.Open();
        using var insert = new InboxInsert(connection);
        WriteAheadLogSync? log = null;
        InboxSyncer? syncer = null;
        var syncTried = false;
        try
        {
            // On shutdown the channel is completed and drained, so every queued request gets its answer.
            while (WaitForEvents())
            {
                while (batch.Count < _batchSize && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    var started = _time.GetTimestamp();
                    IntakeResult[] results;
                    using (_gate.EnterForIntake())
                    {
                        using var transaction = connection.BeginTransaction();
                        results = insert.Run(transaction, [.. batch.Select(p => p.Event)], _time.GetUtcNow());
                        transaction.Commit();
                    }

                    _metrics.InboxBatchCommitted(batch.Count, _time.GetElapsedTime(started));
                    if (batch.Count > 1)
                    {
                        Volatile.Write(ref _stormUntil, _time.GetTimestamp() + _stormHoldTicks);
                    }

                    if (syncer is null)
                    {
                        // This commit waited for the disk (FULL sync): answer now.
                        for (var i = 0; i < batch.Count; i++)
                        {
                            batch[i].Done.TrySetResult(results[i]);
                        }

                        if (!syncTried)
                        {
                            syncTried = true;
                            log = OpenLogForSync(connection);
                            syncer = log is null ? null : new InboxSyncer(log.Flush, _metrics, _time, _logger);
                        }
                    }
                    else
                    {
                        syncer.Answer([.. batch.Select(p => p.Done)], results);
                    }

                    _doorbell.Ring();
                }
#pragma warning disable CA1031 // A failed commit must fail exactly the requests of that batch, whatever the cause.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogBatchFailed(_logger, ex, batch.Count);
                    _metrics.InboxBatchFailed();
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(new InboxUnavailableException("the inbox could not be written", ex));
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            // Answers every batch already committed before the connection (and with it the log) closes.
            syncer?.Dispose();
            log?.Dispose();
        }
    }

    /// <summary>
    /// After the connection's first commit with FULL sync (which made the log file's name durable in
    /// its folder), opens the log for an <see cref="InboxSyncer"/> and switches the connection to
    /// commits that do not wait for the disk. Null, and FULL sync kept for this connection's life,
    /// when the log cannot be opened.
    /// </summary>
    private WriteAheadLogSync? OpenLogForSync(SqliteConnection connection)
    {
        WriteAheadLogSync? log = null;
        try
        {
            log = WriteAheadLogSync.TryOpen(_connections.WalPath);
            if (log is null)
            {
                LogSyncUnavailable(_logger, null);
                return null;
            }

            SqliteConnectionFactory.CommitWithoutWaitingForTheDisk(connection);
            return log;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            log?.Dispose();
            LogSyncUnavailable(_logger, ex);
            return null;
        }
    }

    /// <summary>Blocks this thread until events are queued (true) or the queue is completed (false).</summary>
    private bool WaitForEvents()
    {
        var wait = _queue.Reader.WaitToReadAsync(CancellationToken.None);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox's write-ahead log could not be opened for syncing; every inbox commit waits for the disk itself (slower intake, same safety)")]
    private static partial void LogSyncUnavailable(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox batch of {Count} events could not be committed; the senders got an error and will retry")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(IncomingEvent Event, TaskCompletionSource<IntakeResult> Done);
}

/// <summary>The inbox could not be written: the webhook answers 503 and Zabbix retries.</summary>
public sealed class InboxUnavailableException(string message, Exception inner) : Exception(message, inner);
