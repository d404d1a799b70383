using AlertEngine.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.UnitTests.Pipeline;

/// <summary>The runner's wake-up: a ring or the poll interval on the injected clock, whichever comes first.</summary>
public sealed class DoorbellTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How long a test waits for work already released to finish; it never runs to the end when the test passes.</summary>
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 20, 20, 19, TimeSpan.Zero));

    private static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitAsync_AlreadyCancelledWithARingWaiting_Throws()
    {
        var bell = new Doorbell();
        bell.Ring();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bell.WaitAsync(Interval, _time, cancelled.Token));
    }

    [Fact]
    public async Task WaitAsync_RungBeforeWaiting_ReturnsAtOnce()
    {
        var bell = new Doorbell();
        bell.Ring();

        var wait = bell.WaitAsync(Interval, _time, TestCancellation);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task WaitAsync_RungWhileWaiting_ReturnsWithoutTheClockMoving()
    {
        var bell = new Doorbell();
        var wait = bell.WaitAsync(Interval, _time, TestCancellation);
        Assert.False(wait.IsCompleted);

        bell.Ring();

        await wait.WaitAsync(Safety, TestCancellation);
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_RungWhileWaiting_ConsumesTheRing()
    {
        var bell = new Doorbell();
        var first = bell.WaitAsync(Interval, _time, TestCancellation);
        bell.Ring();
        await first.WaitAsync(Safety, TestCancellation);

        var second = bell.WaitAsync(Interval, _time, TestCancellation);

        Assert.False(second.IsCompleted);
        _time.Advance(Interval);
        await second.WaitAsync(Safety, TestCancellation);
    }

    [Fact]
    public async Task WaitAsync_ManyRings_CollapseIntoOne()
    {
        var bell = new Doorbell();
        bell.Ring();
        bell.Ring();
        bell.Ring();

        await bell.WaitAsync(Interval, _time, TestCancellation);
        var second = bell.WaitAsync(Interval, _time, TestCancellation);

        Assert.False(second.IsCompleted);
        _time.Advance(Interval);
        await second.WaitAsync(Safety, TestCancellation);
    }

    [Fact]
    public async Task WaitAsync_NoRing_CompletesOnlyOnceTheIntervalHasPassed()
    {
        var bell = new Doorbell();

        var wait = bell.WaitAsync(Interval, _time, TestCancellation);
        Assert.False(wait.IsCompleted);
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(wait.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        await wait.WaitAsync(Safety, TestCancellation);
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_NoRing_SetsNoTimerShorterThanTheInterval()
    {
        // The check above cannot see a timer that fired early but whose continuation has not run yet; this one can.
        var time = new TimerRecordingTimeProvider(_time.GetUtcNow());
        var bell = new Doorbell();

        var wait = bell.WaitAsync(Interval, time, TestCancellation);

        Assert.False(wait.IsCompleted);
        Assert.NotEmpty(time.DueTimes);
        Assert.All(time.DueTimes, due => Assert.True(due >= Interval, $"a timer due after {due}"));
    }

    [Fact]
    public async Task WaitAsync_RingConsumedByTheInterval_NextWaitWaitsAgain()
    {
        var bell = new Doorbell();
        var first = bell.WaitAsync(Interval, _time, TestCancellation);
        _time.Advance(Interval);
        await first.WaitAsync(Safety, TestCancellation);

        var second = bell.WaitAsync(Interval, _time, TestCancellation);

        Assert.False(second.IsCompleted);
        bell.Ring();
        await second.WaitAsync(Safety, TestCancellation);
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var bell = new Doorbell();
        using var cts = new CancellationTokenSource();
        var wait = bell.WaitAsync(Interval, _time, cts.Token);
        Assert.False(wait.IsCompleted);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Safety, TestCancellation));
    }

    [Fact]
    public async Task WaitAsync_AlreadyCancelledAndNoRing_ThrowsOperationCanceled()
    {
        var bell = new Doorbell();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bell.WaitAsync(Interval, _time, cts.Token).WaitAsync(Safety, TestCancellation));
    }

    /// <summary>The fake clock, noting the due time of every timer set on it.</summary>
    private sealed class TimerRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public List<TimeSpan> DueTimes { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            DueTimes.Add(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
