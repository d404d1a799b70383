using System.Buffers;
using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>
/// A fixed-rate (open-loop) run: requests are sent when the <see cref="RateSchedule"/> says they are
/// due, whether or not earlier ones were answered, up to a bound of requests in flight; a request due
/// beyond the bound is counted as not sent. A warm-up phase, then a measured one, on one schedule.
/// Latency runs from when a request was due, so a slow engine cannot hide behind a slow client.
/// </summary>
internal sealed class OpenLoopRun
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxAnswerWait = TimeSpan.FromSeconds(45);

    private readonly HttpClient _client;
    private readonly LoadTarget _target;
    private readonly EventBodies _bodies;
    private readonly int _maxInFlight;
    private readonly OpenLoopTally _warmup = new();
    private readonly OpenLoopTally _measured = new();
    private long _inFlight;
    private long _peakInFlight;
    private Exception? _fault;

    private OpenLoopRun(HttpClient client, LoadTarget target, EventBodies bodies, int maxInFlight)
    {
        _client = client;
        _target = target;
        _bodies = bodies;
        _maxInFlight = maxInFlight;
    }

    public static Task<OpenLoopResult> RunAsync(
        HttpClient client, LoadTarget target, EventBodies bodies, RateSchedule schedule, OverloadSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new OpenLoopRun(client, target, bodies, settings.MaxInFlight).RunAsync(schedule, settings.Warmup, settings.Duration, progress, cancellationToken);
    }

    private async Task<OpenLoopResult> RunAsync(RateSchedule schedule, TimeSpan warmup, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        var warmupCount = schedule.CountWithin(warmup);
        var total = schedule.CountWithin(warmup + duration);
        await progress.WriteLineAsync($"open loop: offering {Text.Rate(schedule.PerSecond)} req/s, warm-up {Text.Duration(warmup)} then measure {Text.Duration(duration)} "
            + $"({Text.Count(total)} requests), at most {Text.Count(_maxInFlight)} in flight…");
        var start = Stopwatch.GetTimestamp();
        var next = 0L;
        var report = ReportEvery;
        while (next < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            for (var due = Math.Min(schedule.DueBy(elapsed), total); next < due; next++)
            {
                var tally = next < warmupCount ? _warmup : _measured;
                if (Volatile.Read(ref _inFlight) >= _maxInFlight)
                {
                    tally.Skip();
                    continue;
                }

                // Only this loop adds to _inFlight, so the peak needs no compare-exchange.
                _peakInFlight = Math.Max(_peakInFlight, Interlocked.Increment(ref _inFlight));
                tally.Sent();
                _ = SendAsync(start + (long)(schedule.DueAt(next).TotalSeconds * Stopwatch.Frequency), tally, cancellationToken);
            }

            if (elapsed >= report)
            {
                report += ReportEvery;
                await ReportAsync(progress, elapsed, next < warmupCount);
            }

            await Task.Delay(Tick, TimeProvider.System, cancellationToken);
        }

        await WaitForAnswersAsync(progress, cancellationToken);
        return new OpenLoopResult(schedule.PerSecond, warmup, duration, _maxInFlight, _peakInFlight, _warmup.Snapshot(), _measured.Snapshot());
    }

    private async Task SendAsync(long dueTimestamp, OpenLoopTally tally, CancellationToken cancellationToken)
    {
        var body = ArrayPool<byte>.Shared.Rent(EventBodies.MaxBytes);
        try
        {
            var length = _bodies.Write(body);
            var outcome = await WebhookCall.SendAsync(_client, _target, body, length, cancellationToken);
            tally.Record(outcome, Stopwatch.GetElapsedTime(dueTimestamp));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the run is abandoned and reports nothing.
        }
#pragma warning disable CA1031 // Nobody awaits this request: keep whatever it threw for the run to rethrow instead of losing it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _fault, ex, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Requests sent on schedule count in full: the run ends when the last one is answered (the client times out at 30 s).</summary>
    private async Task WaitForAnswersAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (Interlocked.Read(ref _inFlight) > 0)
        {
            await progress.WriteLineAsync($"open loop: schedule done; waiting for {Text.Count(Interlocked.Read(ref _inFlight))} answers…");
        }

        while (Interlocked.Read(ref _inFlight) > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > MaxAnswerWait)
            {
                throw new BenchFailedException($"{Text.Count(Interlocked.Read(ref _inFlight))} requests still unanswered {Text.Duration(MaxAnswerWait)} after the schedule ended");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }

        if (_fault is not null)
        {
            throw new BenchFailedException($"a request failed in an unexpected way: {_fault.Message}", _fault);
        }
    }

    private async Task ReportAsync(TextWriter progress, TimeSpan elapsed, bool warmingUp)
    {
        var phase = (warmingUp ? _warmup : _measured).Snapshot();
        await progress.WriteLineAsync($"open loop: {Text.Seconds(elapsed)} {(warmingUp ? "warming up" : "measuring")}: offered {Text.Count(phase.Offered)}, "
            + $"2xx {Text.Count(phase.Answers.Success)}, 503 {Text.Count(phase.Status503)}, not sent {Text.Count(phase.Skipped)}, in flight {Text.Count(Interlocked.Read(ref _inFlight))}");
    }
}

/// <summary>What a fixed-rate run offered and got; rates are over the measured phase's length.</summary>
internal sealed record OpenLoopResult(double Rate, TimeSpan Warmup, TimeSpan Duration, int MaxInFlight, long PeakInFlight, OpenLoopPhase WarmupPhase, OpenLoopPhase Measured)
{
    public double OfferedPerSecond => Measured.Offered / Duration.TotalSeconds;

    public double SentPerSecond => Measured.Sent / Duration.TotalSeconds;

    public double AcceptedPerSecond => Measured.Answers.Success / Duration.TotalSeconds;

    public double P50Ms => Measured.Latency.PercentileMs(50);

    public double P99Ms => Measured.Latency.PercentileMs(99);

    public double MaxMs => Measured.Latency.MaxMs;
}
