using System.Diagnostics;
using System.Net;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>One target at one concurrency: N workers warm up, then are measured until the duration or the request limit ends the run.</summary>
internal static class LoadRun
{
    /// <summary>One client for the whole benchmark: no proxy, enough connections for the highest concurrency, kept open between runs.</summary>
    public static HttpClient CreateClient(int maxConcurrency) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = maxConcurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<RunResult> RunAsync(
        HttpClient client,
        LoadTarget target,
        int concurrency,
        IngestBenchSettings settings,
        EventBodies bodies,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var label = $"{target.Name} c={concurrency}";
        var state = new RunState(settings.MaxEvents);
        var workers = Enumerable.Range(0, concurrency).Select(_ => new LoadWorker(client, target, bodies, state)).ToArray();
        await progress.WriteLineAsync($"{label}: warming up {Text.Duration(settings.Warmup)}…");
        var running = workers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), cancellationToken)).ToArray();
        try
        {
            await Task.Delay(settings.Warmup, TimeProvider.System, cancellationToken);
            await progress.WriteLineAsync($"{label}: measuring {Text.Duration(settings.Duration)} (at most {Text.Count(settings.MaxEvents)} requests)…");
            var usage = ResourceUsage.Start();
            var started = Stopwatch.GetTimestamp();
            state.StartMeasuring();
            using (var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(Task.Delay(settings.Duration, TimeProvider.System, window.Token), state.LimitReached);
                await window.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            state.Stop();
            // Requests sent while measuring count in full: the window closes when the last one is answered.
            await Task.WhenAll(running);
            var result = RunResult.Merge(target.Name, concurrency, Stopwatch.GetElapsedTime(started), workers) with { Usage = usage.Stop() };
            await progress.WriteLineAsync(
                $"{label}: {Text.Rate(result.RequestsPerSecond)} req/s, p50 {Text.Ms(result.P50Ms)} ms, p99 {Text.Ms(result.P99Ms)} ms, "
                + $"max {Text.Ms(result.Latency.MaxMicroseconds / 1000.0)} ms, errors {result.ErrorCell}; {result.Usage}");
            return result;
        }
        finally
        {
            state.Stop();
        }
    }
}
