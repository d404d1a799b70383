using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// Working off a backlog, the processor does not keep the write lock for a whole batch while an
/// urgent writer waits: a disaster's page, marked and sent by the page sender, must not wait
/// behind hundreds of warnings (a 2,000-event storm once paged its disasters 1.8 s late so).
/// Other writers wait for the batch.
/// </summary>
public sealed class BacklogYieldsTheWriteLockTests : EngineTestBase
{
    private const int Backlog = 200;
    private readonly FakeTimeProvider _clock = new(At(T0));
    private readonly GateProbe _probe = new();

    private protected override TimeProvider? Clock => _clock;

    private protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Pipeline:BatchSize"] = "500",
        ["Pipeline:StormSlice"] = "00:00:00.002",
    };

    private protected override Action<IServiceCollection>? Services => services =>
        services.AddSingleton<IEventStage>(sp => new GateProbeStage(_probe, sp.GetRequiredService<WriteGate>(), _clock));

    [Fact]
    public async Task Runner_UrgentWriterWaitsMidBatch_GetsTheLockAfterOneSliceNotAfterTheBatch()
    {
        _probe.Urgent = true;
        await Engine.DisposeAsync();
        StoreBacklog();

        await RestartAsync();
        var seenWhenTheWriterGotIn = await _probe.WriterGotIn.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The probe's first event started the writer's wait and took longer than a slice: the runner
        // commits that one event and hands the lock over, with the rest of its batch still to do.
        Assert.Equal(1, seenWhenTheWriterGotIn.Seen);
        Assert.Equal(1, seenWhenTheWriterGotIn.ProcessedInFile);
        await Engine.WaitForProcessingAsync();
        Assert.Equal(Backlog, _probe.Seen);
    }

    [Fact]
    public async Task Runner_OrdinaryWriterWaitsMidBatch_GetsTheLockAfterTheBatch()
    {
        await Engine.DisposeAsync();
        StoreBacklog();

        await RestartAsync();
        var seenWhenTheWriterGotIn = await _probe.WriterGotIn.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // A job or a lower page waits for the batch: handing the lock to each of them slowed a storm's backlog by half.
        Assert.Equal(Backlog, seenWhenTheWriterGotIn.Seen);
        Assert.Equal(Backlog, seenWhenTheWriterGotIn.ProcessedInFile);
    }

    private void StoreBacklog()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var events = Enumerable.Range(1, Backlog).Select(i =>
        {
            var trigger = (40_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var eventId = (90_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = Problem(eventId, T0, o =>
            {
                o["trigger_id"] = trigger;
                o["severity"] = 2;
            });
            return new IncomingEvent(new InboxKey(EngineHost.ServerA, eventId, "problem"), EventKind.Problem, 2, trigger, EventIntake.WebhookSource, body);
        }).ToList();
        using var insert = new InboxInsert(connection);
        insert.Run(transaction, events, _clock.GetUtcNow());
        transaction.Commit();
    }

    /// <summary>What the probe saw, shared between the engine's stage and the test.</summary>
    private sealed class GateProbe
    {
        private int _seen;

        public int Seen => Volatile.Read(ref _seen);

        /// <summary>Whether the writer waits as an urgent one (the page sender with an L1 page).</summary>
        public bool Urgent { get; set; }

        public TaskCompletionSource<(int Seen, int ProcessedInFile)> WriterGotIn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Saw() => Interlocked.Increment(ref _seen);
    }

    /// <summary>
    /// A last stage that, on the first event, starts another writer waiting for the write lock (as
    /// the page sender does, urgently for an L1 page) and makes every event take 10 ms of the engine's clock (longer than a slice).
    /// </summary>
    private sealed class GateProbeStage(GateProbe probe, WriteGate gate, FakeTimeProvider clock) : IEventStage
    {
        public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
        {
            if (probe.Saw() == 1)
            {
                var waiting = probe.Urgent ? gate.EnterUrgentAsync(CancellationToken.None) : gate.EnterAsync(CancellationToken.None);
                Assert.False(waiting.IsCompleted);
                _ = waiting.ContinueWith(
                    entered =>
                    {
                        using var turn = entered.Result;
                        probe.WriterGotIn.TrySetResult((probe.Seen, CountProcessedIn(context)));
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
            return ValueTask.FromResult(StageOutcome.Continue(context));
        }

        private static int CountProcessedIn(EventContext context)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(context.Session.Connection.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
