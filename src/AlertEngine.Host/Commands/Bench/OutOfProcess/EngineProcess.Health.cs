using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>The engine process's <c>/healthz</c>: when it first answers healthy, its backlog, and how often it was not healthy under load.</summary>
internal sealed partial class EngineProcess
{
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>Polls <c>/healthz</c> until it answers 200 naming this engine's database; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new BenchFailedException($"the engine exited with code {_process.ExitCode} before /healthz answered 200; its last output:{Environment.NewLine}{_output}");
            }

            if (Stopwatch.GetElapsedTime(_started) > timeout)
            {
                throw new BenchFailedException($"the engine did not answer /healthz with 200 within {Text.Duration(timeout)}; its last output:{Environment.NewLine}{_output}");
            }

            try
            {
                var health = await ReadHealthAsync(cancellationToken);
                if (health.Healthy && health.DatabasePath is { } path && Path.GetFullPath(path) == _databasePath)
                {
                    return Stopwatch.GetElapsedTime(_started);
                }

                if (health.DatabasePath is { } other && Path.GetFullPath(other) != _databasePath)
                {
                    // The free port was taken by another process before the engine bound it: that is not our engine.
                    throw new BenchFailedException($"another process answers on {BaseUri} (its /healthz names database {other}); the engine could not have its port");
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(HealthPoll, TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Answers of <c>/healthz</c> that said "unhealthy" after the engine was first healthy, and the last reason given.</summary>
    public HealthTally Unhealthy { get; } = new();

    /// <summary>Reads <c>/healthz</c>: health, database and inbox backlog.</summary>
    public async Task<EngineHealth> ReadHealthAsync(CancellationToken cancellationToken)
    {
        using var response = await _control.GetAsync(new Uri(BaseUri, "/healthz"), cancellationToken);
        return EngineHealth.Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The inbox backlog from <c>/healthz</c>; null when it answered "unhealthy" (counted in <see cref="Unhealthy"/>) and did not say.</summary>
    public async Task<long?> ReadBacklogAsync(CancellationToken cancellationToken)
    {
        var health = await ReadHealthAsync(cancellationToken);
        if (!health.Healthy)
        {
            Unhealthy.Add(health.Error);
        }

        return health.Backlog;
    }

    /// <summary>Reads <c>/healthz</c> every <paramref name="every"/> until cancelled; what was not healthy is counted in <see cref="Unhealthy"/>.</summary>
    public async Task WatchHealthAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    await ReadBacklogAsync(cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    Unhealthy.Add("no answer: " + ex.Message);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Unhealthy.Add($"no answer within {Text.Duration(_control.Timeout)}");
                }

                await Task.Delay(every, TimeProvider.System, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Watching ends with the load.
        }
    }
}
