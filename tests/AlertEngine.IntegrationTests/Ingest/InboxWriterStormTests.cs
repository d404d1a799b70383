using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Extensions.Time.Testing;
using static AlertEngine.IntegrationTests.Support.InboxWriters;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Ingest;

/// <summary>
/// What the pipeline runner reads as "a storm is on" (it then works in short turns with rests, so
/// that intake keeps its speed): webhook requests overlapping, not one event after another however
/// fast. The inbox writer on a real SQLite file, its storm hold on a fake clock.
/// </summary>
public sealed class InboxWriterStormTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(At(T0));
    private readonly WriteGate _gate = new();

    private static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writer_EventsOneAfterAnother_IsNoStorm()
    {
        using var writer = await StartedWriterAsync();

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(IntakeResult.Accepted, await writer.WriteAsync(Event(i)));
        }

        Assert.False(writer.IsStorming);
        await writer.StopAsync(TestCancellation);
    }

    [Fact]
    public async Task Writer_RequestsOverlap_IsAStormUntilTheHoldHasPassedWithoutAnother()
    {
        using var writer = NewWriter();
        // Queued before the writer runs: they are committed in one batch, as overlapping requests are.
        var written = Enumerable.Range(1, 3).Select(i => writer.WriteAsync(Event(i))).ToList();
        await writer.StartAsync(TestCancellation);
        Assert.All(await Task.WhenAll(written), result => Assert.Equal(IntakeResult.Accepted, result));

        Assert.True(writer.IsStorming);
        _time.Advance(InboxWriter.StormHold - TimeSpan.FromMilliseconds(1));
        Assert.True(writer.IsStorming);

        // One event alone does not keep the storm on.
        Assert.Equal(IntakeResult.Accepted, await writer.WriteAsync(Event(4)));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(writer.IsStorming);
        await writer.StopAsync(TestCancellation);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _db.Dispose();
    }

    private async Task<InboxWriter> StartedWriterAsync()
    {
        var writer = NewWriter();
        await writer.StartAsync(TestCancellation);
        return writer;
    }

    private InboxWriter NewWriter() => InboxWriters.New(_db.Path, _gate, _time, new EngineMetrics());
}
