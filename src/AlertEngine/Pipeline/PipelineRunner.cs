using AlertEngine.Ingest;
using AlertEngine.Outbox;
using AlertEngine.Paging;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Pipeline;

/// <summary>
/// Drains the inbox: wakes on the doorbell or the poll interval, reads unprocessed events
/// (higher severities first) and runs the stages for each. A batch's ticket changes and
/// its inbox marks commit together. When a batch fails, each event is retried alone; one that
/// fails again is set aside as poisoned so it never blocks the queue. Intake comes first: in a
/// storm (webhook requests overlapping, <see cref="InboxWriter.IsStorming"/>) the runner works in
/// short turns (Pipeline:StormSlice) with rests between them (Pipeline:StormPause). Whenever intake
/// or an urgent writer (a disaster's page) waits, it hands the write lock over after at most one
/// such slice.
/// </summary>
public sealed partial class PipelineRunner(
    IEnumerable<IEventStage> stages,
    SqliteConnectionFactory connections,
    WriteGate gate,
    InboxWriter intake,
    Doorbell doorbell,
    OutboxDoorbell outbox,
    PageDoorbell pages,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    EngineMetrics metrics,
    ILogger<PipelineRunner> logger) : BackgroundService
{
    /// <summary>A turn cut short (<see cref="TurnsAreShort"/>) handles only a few events: read no more than it can use.</summary>
    private const int StormReadLimit = 32;

    private readonly IEventStage[] _stages = [.. stages];
    private readonly Action<TimeSpan>[] _stageTimers = [.. stages.Select(s => metrics.StageTimer(s.GetType()))];
    private readonly PipelineOptions _options = options.Value;

    /// <summary>
    /// The runner's own connection, kept from turn to turn so that the statements the stores
    /// prepared on it (<see cref="StatementCache"/>) are reused; replaced after a failure. Its
    /// commits do not wait for an fsync (see SqliteConnectionFactory.OpenForPipeline).
    /// </summary>
    private SqliteConnection? _connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            CloseConnection();
        }
    }

    public override void Dispose()
    {
        CloseConnection();
        base.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == 0)
                {
                    await doorbell.WaitAsync(_options.PollInterval, time, stoppingToken);
                }
                else if (intake.IsStorming && _options.StormPause > TimeSpan.Zero)
                {
                    await Task.Delay(_options.StormPause, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The runner must outlive a broken database moment; it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRunnerFailed(logger, ex);
                CloseConnection();
                await Task.Delay(_options.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// True while a turn ends after Pipeline:StormSlice instead of finishing its batch: in a storm,
    /// and while intake or an urgent writer (a disaster's page) waits for the write lock.
    /// </summary>
    private bool TurnsAreShort => intake.IsStorming || gate.UrgentWaiting;

    /// <summary>Processes one batch of waiting events; returns how many were processed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var connection = _connection ??= connections.OpenForPipeline();
        var batch = InboxStore.ReadUnprocessed(connection, TurnsAreShort ? Math.Min(StormReadLimit, _options.BatchSize) : _options.BatchSize);
        if (batch.Count == 0)
        {
            return 0;
        }

        // The query picked the most severe events first; within the batch, arrival order keeps
        // each trigger's problem, updates and recovery in the order Zabbix sent them. Disasters go
        // in a turn of their own, so that a turn cut short for intake never leaves one behind.
        var disasters = batch.TakeWhile(e => e.Severity >= InboxWriter.DisasterSeverity).ToList();
        var ordered = (disasters.Count > 0 ? disasters : batch).OrderBy(e => e.Id).ToList();
        using var turn = await gate.EnterAsync(cancellationToken);
        try
        {
            return await ProcessAsync(connection, ordered, mayYield: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchRetried(logger, ex, ordered.Count);
            foreach (var inboxEvent in ordered)
            {
                await ProcessAloneAsync(connection, inboxEvent, cancellationToken);
            }

            return ordered.Count;
        }
    }

    private void CloseConnection()
    {
        Interlocked.Exchange(ref _connection, null)?.Dispose();
    }

    private async Task ProcessAloneAsync(SqliteConnection connection, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(connection, [inboxEvent], mayYield: false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SetAside(connection, inboxEvent, ex);
        }
    }

    /// <summary>Processes events in one transaction; returns how many, fewer when it yielded to intake.</summary>
    private async Task<int> ProcessAsync(SqliteConnection connection, IReadOnlyList<InboxEvent> events, bool mayYield, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);
        var started = time.GetTimestamp();
        var processed = 0;
        var finished = new List<FinishedEvent>();
        foreach (var inboxEvent in events)
        {
            // A turn ends after Pipeline:StormSlice in a storm, whether or not intake waits at this
            // very moment (it will soon, and every CPU moment here is one intake lacks), and once
            // intake or an urgent writer waits (a disaster's page, marked and sent by the page
            // sender, never waits out a whole batch of the backlog). Other writers (pages of lower
            // levels, jobs) wait for the batch: yielding to each of them slowed a storm's backlog by
            // half.
            if (mayYield && processed > 0 && TurnsAreShort && time.GetElapsedTime(started) >= _options.StormSlice)
            {
                break;
            }

            var now = time.GetUtcNow();
            var eventStarted = time.GetTimestamp();
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InboxId"] = inboxEvent.Id, ["Server"] = inboxEvent.Server });
            var result = await RunStagesAsync(new EventContext { Inbox = inboxEvent, Session = session, Now = now }, cancellationToken);
            InboxStore.MarkProcessed(session, inboxEvent.Id, result.Outcome, now);
            finished.Add(result with { Elapsed = time.GetElapsedTime(eventStarted) });
            processed++;
        }

        transaction.Commit();
        if (finished.Any(r => r.Context.Paging?.Pages > 0))
        {
            pages.Ring();
        }

        if (finished.Any(r => r.Context.Correlation?.WriteBacks > 0))
        {
            outbox.Ring();
        }

        // Counted only once committed: a batch that rolls back is retried and counted then.
        foreach (var result in finished)
        {
            Count(result);
        }

        return processed;
    }

    private async Task<FinishedEvent> RunStagesAsync(EventContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _stages.Length; i++)
        {
            var started = time.GetTimestamp();
            var outcome = await _stages[i].RunAsync(context, cancellationToken);
            _stageTimers[i](time.GetElapsedTime(started));
            if (outcome.Stop)
            {
                return new FinishedEvent($"stopped: {outcome.Reason}", Stopped: true, context);
            }

            context = outcome.Context;
        }

        return new FinishedEvent(context.Correlation?.Reason ?? "processed", Stopped: false, context);
    }

    private void Count(FinishedEvent result)
    {
        metrics.EventFinished(result.Stopped ? "stopped" : "processed", result.Elapsed);
        if (result.Context.Correlation is { } correlation && result.Context.Classification is { } classification)
        {
            if (correlation.Opened)
            {
                metrics.TicketOpened(nameof(TicketType.ALERT), classification.Level.ToString());
            }

            if (correlation.ProblemOpened)
            {
                // A PROBLEM opens at the level of the ALERT that made the key come back once too often.
                metrics.TicketOpened(nameof(TicketType.PROBLEM), classification.Level.ToString());
            }

            if (correlation.Resolved)
            {
                metrics.TicketResolved(nameof(TicketType.ALERT));
            }
        }
    }

    private void SetAside(SqliteConnection connection, InboxEvent inboxEvent, Exception ex)
    {
        // Called while the runner holds the write turn.
        LogPoisoned(logger, ex, inboxEvent.Id, inboxEvent.Server);
        using var transaction = connection.BeginTransaction();
        InboxStore.MarkPoisoned(new DbSession(connection, transaction), inboxEvent.Id, $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow());
        transaction.Commit();
        metrics.EventPoisoned();
    }

    /// <summary>One event through the stages: its inbox outcome, and the context the stages left.</summary>
    private sealed record FinishedEvent(string Outcome, bool Stopped, EventContext Context)
    {
        public TimeSpan Elapsed { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline runner failed; retrying after the poll interval")]
    private static partial void LogRunnerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} events failed; retrying each event alone")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {InboxId} from {Server} failed twice and was set aside as poisoned")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, long inboxId, string server);
}
