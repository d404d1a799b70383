using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.Host.Commands.Bench.Memory;

/// <summary>The posting part of the memory benchmark: N events in a closed loop, with a progress line every few seconds.</summary>
internal static class MemoryLoad
{
    /// <summary>Posts until every event is answered or <paramref name="maxTime"/> runs out (then <see cref="MemoryPosting.Complete"/> is false).</summary>
    public static async Task<MemoryPosting> PostAsync(EngineProcess engine, MemorySettings settings, TimeSpan maxTime, TextWriter progress, CancellationToken cancellationToken)
    {
        using var client = LoadRun.CreateClient(settings.Concurrency);
        var bodies = new EventBodies(TimeProvider.System);
        var state = new RunState(settings.Events);
        state.StartMeasuring();
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => new LoadWorker(client, engine.Target, bodies, state)).ToArray();
        await progress.WriteLineAsync($"memory: posting {Text.Count(settings.Events)} events, {settings.Concurrency} in flight (at most {Text.Duration(maxTime)})…");
        var started = Stopwatch.GetTimestamp();
        var running = Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), cancellationToken)));
        var complete = true;
        var (lastTaken, lastAt) = (0L, started);
        try
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(settings.ProgressEvery, TimeProvider.System, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (running.IsCompleted)
                {
                    break;
                }

                if (Stopwatch.GetElapsedTime(started) >= maxTime)
                {
                    complete = false;
                    await progress.WriteLineAsync($"memory: time is up after {Text.Seconds(Stopwatch.GetElapsedTime(started))}; {Text.Count(state.Taken)} of {Text.Count(settings.Events)} events posted");
                    break;
                }

                // /healthz queues behind the load: read it first, so that the count posted is never older than the backlog.
                var backlog = await engine.ReadBacklogAsync(cancellationToken);
                var (taken, now) = (state.Taken, Stopwatch.GetTimestamp());
                var rate = (taken - lastTaken) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
                (lastTaken, lastAt) = (taken, now);
                await progress.WriteLineAsync(
                    $"memory: posted {Text.Count(taken)} of {Text.Count(settings.Events)} ({Text.Rate(rate)} ev/s), "
                    + $"backlog {(backlog is { } b ? Text.Count(b) : "unknown (/healthz unhealthy)")}, engine {engine.ReadMemory()}");
            }
        }
        finally
        {
            state.Stop();
        }

        await running;
        return new MemoryPosting(RunResult.Merge("engine", settings.Concurrency, Stopwatch.GetElapsedTime(started), workers), complete);
    }
}

/// <summary>What posting gave: the answers (all measured, no warm-up) and whether every event was posted in time.</summary>
internal sealed record MemoryPosting(RunResult Run, bool Complete);
