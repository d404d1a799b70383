using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// Samples the engine process's memory several times a second during the storm (VmHWM gives the
/// peak resident set as well; the samples add the anonymous part) and writes a progress line now and then.
/// </summary>
internal sealed class StormWatch(EngineProcess engine, ProcessMemory atRest)
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);

    public long PeakResidentBytes { get; private set; } = atRest.PeakResidentBytes;

    public long? PeakAnonymousBytes { get; private set; } = atRest.AnonymousBytes;

    /// <summary>Set once the inbox was drained (or the wait gave up); the progress lines stop reading <c>/healthz</c> then.</summary>
    public StormDrain Drain { get; set; } = StormDrain.NotYet;

    public async Task RunAsync(Func<string> sent, TimeSpan progressEvery, TextWriter progress, CancellationToken cancellationToken)
    {
        var sinceProgress = TimeSpan.Zero;
        try
        {
            while (true)
            {
                await Task.Delay(Sample, TimeProvider.System, cancellationToken);
                if (engine.TryReadMemory() is not { } memory)
                {
                    return;
                }

                PeakResidentBytes = Math.Max(PeakResidentBytes, Math.Max(memory.ResidentBytes, memory.PeakResidentBytes));
                PeakAnonymousBytes = memory.AnonymousBytes is { } anonymous ? Math.Max(PeakAnonymousBytes ?? 0, anonymous) : PeakAnonymousBytes;
                sinceProgress += Sample;
                if (sinceProgress >= progressEvery)
                {
                    sinceProgress = TimeSpan.Zero;
                    var backlog = await ReadBacklogAsync(cancellationToken);
                    await progress.WriteLineAsync($"storm: {sent()}, inbox backlog {backlog}, engine {memory}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Watching ends with the storm.
        }
    }

    private async Task<string> ReadBacklogAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.ReadBacklogAsync(cancellationToken)) is { } backlog ? Text.Count(backlog) : "unknown (/healthz unhealthy)";
        }
        catch (HttpRequestException ex)
        {
            return "unknown (" + ex.Message + ")";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "unknown (/healthz did not answer in time)";
        }
    }
}
