using System.Diagnostics;
using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertEngine.UnitTests.Ingest;

/// <summary>
/// The second half of group commit: a committed batch's requests are answered only after an fsync
/// that started after the commit. The fsync is played by a flush the test holds and releases, so
/// the order of "disk done" and "answered" is seen, not guessed from timing.
/// </summary>
public sealed class InboxSyncerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HeldDisk _disk = new();

    [Fact]
    public async Task Answer_BeforeTheFsyncReturns_RequestsWait()
    {
        using var syncer = NewSyncer();
        var requests = Requests(3);

        syncer.Answer(requests, [IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Accepted]);
        Assert.True(_disk.WaitForFlushToStart(1, Patience));
        Assert.All(requests, r => Assert.False(r.Task.IsCompleted));

        _disk.Release();
        Assert.Equal([IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Accepted], await Task.WhenAll(requests.Select(r => r.Task)).WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Answer_BatchCommittedWhileAnFsyncRuns_WaitsForTheNextFsync()
    {
        using var syncer = NewSyncer();
        var first = Requests(1);
        syncer.Answer(first, [IntakeResult.Accepted]);
        Assert.True(_disk.WaitForFlushToStart(1, Patience));

        // Committed after that fsync started: it may not be covered by it.
        var second = Requests(2);
        syncer.Answer(second, [IntakeResult.Accepted, IntakeResult.Accepted]);
        _disk.Release();
        await first[0].Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(_disk.WaitForFlushToStart(2, Patience));
        Assert.All(second, r => Assert.False(r.Task.IsCompleted));

        _disk.Release();
        await Task.WhenAll(second.Select(r => r.Task)).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(2, _disk.Flushes);
    }

    [Fact]
    public async Task Answer_SeveralBatchesWaitingForOneFsync_ShareIt()
    {
        using var syncer = NewSyncer();
        syncer.Answer(Requests(1), [IntakeResult.Accepted]);
        Assert.True(_disk.WaitForFlushToStart(1, Patience));
        var waiting = Enumerable.Range(0, 4).Select(_ => Requests(2)).ToList();
        foreach (var batch in waiting)
        {
            syncer.Answer(batch, [IntakeResult.Accepted, IntakeResult.Accepted]);
        }

        _disk.Release();
        Assert.True(_disk.WaitForFlushToStart(2, Patience));
        _disk.Release();
        await Task.WhenAll(waiting.SelectMany(b => b).Select(r => r.Task)).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(2, _disk.Flushes);
    }

    [Fact]
    public async Task Answer_FsyncFails_ItsRequestsFailAsInboxUnavailableAndLaterOnesSucceed()
    {
        var metrics = new EngineMetrics();
        using var syncer = new InboxSyncer(_disk.Flush, metrics, TimeProvider.System, NullLogger.Instance);
        _disk.FailNext = new IOException("EIO");
        var failed = Requests(2);
        syncer.Answer(failed, [IntakeResult.Accepted, IntakeResult.Accepted]);
        _disk.Release();
        foreach (var request in failed)
        {
            var error = await Assert.ThrowsAsync<InboxUnavailableException>(() => request.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
            Assert.IsType<IOException>(error.InnerException);
        }

        Assert.Equal(0, metrics.InboxWriterTotals().LogSyncs);

        var later = Requests(1);
        syncer.Answer(later, [IntakeResult.Accepted]);
        _disk.Release();
        Assert.Equal(IntakeResult.Accepted, await later[0].Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Dispose_BatchesHandedOver_AreAnsweredBeforeItReturns()
    {
        var syncer = NewSyncer();
        var requests = Requests(3);
        syncer.Answer(requests, [IntakeResult.Accepted, IntakeResult.Accepted, IntakeResult.Accepted]);
        _disk.ReleaseAll();

        syncer.Dispose();

        Assert.All(requests, r => Assert.Equal(IntakeResult.Accepted, r.Task.Result));
        Assert.True(_disk.Flushes >= 1);
    }

    public void Dispose() => _disk.Dispose();

    private InboxSyncer NewSyncer() => new(_disk.Flush, new EngineMetrics(), TimeProvider.System, NullLogger.Instance);

    private static TaskCompletionSource<IntakeResult>[] Requests(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously))];

    /// <summary>A disk whose fsync blocks until the test releases it, one fsync per release (or all, after ReleaseAll).</summary>
    private sealed class HeldDisk : IDisposable
    {
        private readonly SemaphoreSlim _releases = new(0);
        private readonly SemaphoreSlim _started = new(0);
        private int _flushes;
        private volatile bool _released;

        public Exception? FailNext { get; set; }

        public int Flushes => Volatile.Read(ref _flushes);

        public void Flush()
        {
            Interlocked.Increment(ref _flushes);
            _started.Release();
            if (!_released && !_releases.Wait(Patience))
            {
                throw new TimeoutException("the test never released the fsync");
            }

            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }
        }

        public bool WaitForFlushToStart(int number, TimeSpan timeout)
        {
            var waited = Stopwatch.StartNew();
            while (Flushes < number)
            {
                if (waited.Elapsed > timeout)
                {
                    return false;
                }

                _started.Wait(TimeSpan.FromMilliseconds(20));
            }

            return true;
        }

        public void Release() => _releases.Release();

        /// <summary>Lets every fsync through from now on, including one already waiting.</summary>
        public void ReleaseAll()
        {
            _released = true;
            _releases.Release(1000);
        }

        public void Dispose()
        {
            ReleaseAll();
            _releases.Dispose();
            _started.Dispose();
        }
    }
}
