using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Dapper;
using static AlertEngine.IntegrationTests.Support.InboxWriters;

namespace AlertEngine.IntegrationTests.Ingest;

/// <summary>
/// Group commit with the disk wait on the side: the writer's first commit waits for the disk
/// itself, every later batch is answered after an fsync of the write-ahead log that started after
/// its commit. A real SQLite file; the fsyncs are counted by the engine's own metrics.
/// </summary>
public sealed class InboxWriterDurabilityTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly WriteGate _gate = new();
    private readonly EngineMetrics _metrics = new();

    private static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writer_AfterItsFirstCommit_AnswersEachBatchAfterAnFsyncOfTheLog()
    {
        using var writer = await StartedWriterAsync();

        Assert.Equal(IntakeResult.Accepted, await writer.WriteAsync(Event(1)));
        Assert.Equal(0, _metrics.InboxWriterTotals().LogSyncs);
        for (var i = 2; i <= 4; i++)
        {
            Assert.Equal(IntakeResult.Accepted, await writer.WriteAsync(Event(i)));
        }

        // One event at a time: each waited for an fsync of its own.
        Assert.Equal(3, _metrics.InboxWriterTotals().LogSyncs);
        Assert.Equal(IntakeResult.Duplicate, await writer.WriteAsync(Event(2)));
        Assert.Equal(4, StoredEvents());
        await writer.StopAsync(TestCancellation);
    }

    [Fact]
    public async Task Writer_StoppedWithRequestsWaiting_AnswersEveryOneAndStoresIt()
    {
        using var writer = await StartedWriterAsync();
        Assert.Equal(IntakeResult.Accepted, await writer.WriteAsync(Event(1)));

        var written = Enumerable.Range(2, 300).Select(i => writer.WriteAsync(Event(i))).ToList();
        await writer.StopAsync(TestCancellation);

        Assert.All(await Task.WhenAll(written), result => Assert.Equal(IntakeResult.Accepted, result));
        Assert.Equal(301, StoredEvents());
        Assert.True(_metrics.InboxWriterTotals().LogSyncs >= 1);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _db.Dispose();
    }

    private async Task<InboxWriter> StartedWriterAsync()
    {
        var writer = InboxWriters.New(_db.Path, _gate, TimeProvider.System, _metrics);
        await writer.StartAsync(TestCancellation);
        return writer;
    }

    private long StoredEvents()
    {
        using var connection = SqliteConnectionFactory.OpenReadOnly(_db.Path);
        return connection.ExecuteScalar<long>("SELECT count(*) FROM inbox");
    }
}
