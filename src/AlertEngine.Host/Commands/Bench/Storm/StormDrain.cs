using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// When the engine's inbox was empty after the storm: the time from the first event sent until
/// <c>/healthz</c> first reported a backlog of 0 once every event was answered, or what was left
/// when the wait gave up.
/// </summary>
/// <param name="DrainedAfter">From the first event sent to an empty inbox; null when it never emptied in time.</param>
/// <param name="Left">Events still unprocessed at the end (0 when drained; null when never known).</param>
/// <param name="Poisoned">Events set aside as poisoned, from the last <c>/healthz</c> read.</param>
internal sealed record StormDrain(TimeSpan? DrainedAfter, long? Left, long? Poisoned)
{
    /// <summary>Polls while the backlog is small: the drain time is known to about this.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Polls while the backlog is large: each /healthz takes the engine's write gate and counts the
    /// poisoned events with a full scan of the inbox, so polling every 100 ms through a 100,000-event
    /// backlog took about a third as much CPU as the pipeline itself (dotnet-trace, 2026-11-26).
    /// </summary>
    private static readonly TimeSpan SlowPoll = TimeSpan.FromSeconds(1);

    /// <summary>Below this backlog the wait polls fast, above it slowly (at ≈ 1,000 events/s, a second's work).</summary>
    private const long NearlyDrained = 1_000;

    public static StormDrain NotYet { get; } = new(null, null, null);

    public bool Drained => DrainedAfter is not null;

    public string Line => DrainedAfter is { } after
        ? $"inbox drained {Text.Seconds(after)} after the first event was sent" + (Poisoned > 0 ? $", {Text.Count(Poisoned.Value)} poisoned" : "")
        : $"inbox NOT drained in time: {(Left is { } left ? Text.Count(left) : "an unknown number of")} events unprocessed";

    /// <summary>Polls <c>/healthz</c> until its backlog is 0 or <paramref name="maxWait"/> has passed.</summary>
    public static async Task<StormDrain> WaitAsync(EngineProcess engine, long firstSent, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var started = Stopwatch.GetTimestamp();
        long? left = null, poisoned = null;
        while (true)
        {
            try
            {
                var health = await engine.ReadHealthAsync(cancellationToken);
                (left, poisoned) = (health.Backlog ?? left, health.Poisoned ?? poisoned);
                if (health.Backlog == 0)
                {
                    return new StormDrain(Stopwatch.GetElapsedTime(firstSent), 0, poisoned);
                }
            }
            catch (HttpRequestException ex)
            {
                engine.Unhealthy.Add("no answer: " + ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                engine.Unhealthy.Add("no answer in time");
            }

            if (Stopwatch.GetElapsedTime(started) >= maxWait)
            {
                return new StormDrain(null, left, poisoned);
            }

            await Task.Delay(left is null or > NearlyDrained ? SlowPoll : Poll, TimeProvider.System, cancellationToken);
        }
    }
}
