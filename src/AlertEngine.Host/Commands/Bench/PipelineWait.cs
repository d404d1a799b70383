using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// Waits, bounded in time, until the engine's pipeline has processed every inbox event, with a
/// progress line every few seconds; the engine's backlog is read by the caller (from the file for
/// the in-process engine, from <c>/healthz</c> for an engine process).
/// </summary>
internal static class PipelineWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Report = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Returns the backlog found at first, how long it took to work off, and what was left when the
    /// wait ended. A read that does not know the backlog (null) is skipped; one that never knows fails the benchmark.
    /// </summary>
    public static async Task<PipelineDrain> UntilIdleAsync(Func<CancellationToken, Task<long?>> countUnprocessed, TimeSpan maxWait, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countUnprocessed);
        ArgumentNullException.ThrowIfNull(progress);
        var started = Stopwatch.GetTimestamp();
        var first = await countUnprocessed(cancellationToken);
        var left = first;
        var reported = started;
        if (first > 0)
        {
            await progress.WriteLineAsync($"engine: the pipeline has {Text.Count(first.Value)} events to process; waiting (at most {Text.Seconds(maxWait)}) so the next step starts on an idle engine…");
        }

        while (left != 0 && Stopwatch.GetElapsedTime(started) < maxWait)
        {
            await Task.Delay(Poll, TimeProvider.System, cancellationToken);
            if (await countUnprocessed(cancellationToken) is { } now)
            {
                (first, left) = (first ?? now, now);
            }

            if (left > 0 && Stopwatch.GetElapsedTime(reported) >= Report)
            {
                var rate = (first!.Value - left.Value) / Stopwatch.GetElapsedTime(started).TotalSeconds;
                reported = Stopwatch.GetTimestamp();
                await progress.WriteLineAsync($"engine: {Text.Count(left.Value)} events still to process (≈ {Text.Rate(rate)} ev/s so far)…");
            }
        }

        if (first is not { } backlog || left is not { } remaining)
        {
            throw new BenchFailedException($"the engine did not report its inbox backlog within {Text.Seconds(maxWait)}");
        }

        var drain = new PipelineDrain(backlog, Stopwatch.GetElapsedTime(started), remaining);
        if (backlog > 0)
        {
            await progress.WriteLineAsync(remaining > 0
                ? $"engine: gave up waiting after {Text.Seconds(drain.Elapsed)}; {Text.Count(remaining)} events still unprocessed"
                : $"engine: pipeline processed {Text.Count(backlog)} events in {Text.Seconds(drain.Elapsed)}{drain.RateNote}");
        }

        return drain;
    }
}
