using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Memory;

/// <summary>
/// <c>alertengine bench memory</c>: the built engine as a separate process on a fresh database;
/// its memory at rest, then after N unique events are posted, then once the pipeline has processed
/// them (<c>/healthz</c> backlog 0); then it is stopped and its inbox counted from the file.
/// </summary>
internal sealed class MemoryBenchmark(MemorySettings settings) : IBenchmark
{
    public string Name => "memory";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var config = await EngineProcessConfig.ResolveAsync(new Dictionary<string, string?>());
        using var folder = new BenchFolder();
        await using var engine = EngineProcess.Start(config, folder.DatabasePath);
        var healthy = await engine.WaitHealthyAsync(EngineTargets.StartTimeout, cancellationToken);
        await Task.Delay(settings.Rest, TimeProvider.System, cancellationToken);
        var atRest = engine.ReadMemory();
        await progress.WriteLineAsync($"memory: engine (pid {engine.Id}, log level {config.LogLevel}) healthy after {Text.Ms(healthy.TotalMilliseconds)} ms; at rest: {atRest}");

        var started = Stopwatch.GetTimestamp();
        var posting = await MemoryLoad.PostAsync(engine, settings, settings.MaxTime, progress, cancellationToken);
        var afterPosting = engine.ReadMemory();
        await progress.WriteLineAsync($"memory: posted {Text.Count(posting.Run.Measured.Success)} events in {Text.Seconds(posting.Run.Elapsed)}; engine {afterPosting}");
        var left = settings.MaxTime - Stopwatch.GetElapsedTime(started);
        var drain = await PipelineWait.UntilIdleAsync(engine.ReadBacklogAsync, left > TimeSpan.Zero ? left : TimeSpan.Zero, progress, cancellationToken);
        var processedIn = Stopwatch.GetElapsedTime(started);
        var afterProcessing = engine.ReadMemory();

        await progress.WriteLineAsync("memory: stopping the engine (SIGTERM) and counting its inbox…");
        await engine.StopAsync(cancellationToken);
        var counts = InboxFile.Count(folder.DatabasePath);
        return new MemoryResult(machine, settings, config.LogLevel, new MemoryReadings(atRest, afterPosting, afterProcessing), posting, drain, processedIn, engine.Unhealthy, counts);
    }
}

/// <summary>The engine's memory at the three moments the benchmark reports.</summary>
internal sealed record MemoryReadings(ProcessMemory AtRest, ProcessMemory AfterPosting, ProcessMemory AfterProcessing);
