using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Startup;

/// <summary>
/// <c>alertengine bench startup</c>: starts the built engine (<c>dotnet alertengine.dll</c>) as a
/// separate process, times it from process start to <c>/healthz</c> answering 200, stops it with
/// SIGTERM, and starts it again on the database it just created and migrated. Repeats a few times
/// and reports the median of each.
/// </summary>
internal sealed class StartupBenchmark(StartupSettings settings) : IBenchmark
{
    public string Name => "startup";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var config = await EngineProcessConfig.ResolveAsync(new Dictionary<string, string?>());
        await progress.WriteLineAsync($"startup: {settings.Runs} runs of `dotnet alertengine.dll` as a separate process, each on a fresh database, then again on the migrated one; log level {config.LogLevel}…");
        var runs = new List<StartupRun>();
        for (var i = 1; i <= settings.Runs; i++)
        {
            using var folder = new BenchFolder();
            var fresh = await StartOnceAsync(config, folder.DatabasePath, cancellationToken);
            var migrated = await StartOnceAsync(config, folder.DatabasePath, cancellationToken);
            runs.Add(new StartupRun(fresh, migrated));
            await progress.WriteLineAsync(
                $"startup run {i}/{settings.Runs}: healthy after {Text.Ms(fresh.Healthy.TotalMilliseconds)} ms on a fresh database, "
                + $"{Text.Ms(migrated.Healthy.TotalMilliseconds)} ms on the migrated one; stopped in {Text.Ms(fresh.Stopped.TotalMilliseconds)} / {Text.Ms(migrated.Stopped.TotalMilliseconds)} ms");
        }

        return new StartupResult(machine, config.LogLevel, runs);
    }

    private async Task<StartTiming> StartOnceAsync(EngineProcessConfig config, string databasePath, CancellationToken cancellationToken)
    {
        await using var engine = EngineProcess.Start(config, databasePath);
        var healthy = await engine.WaitHealthyAsync(settings.StartTimeout, cancellationToken);
        var memory = engine.ReadMemory();
        var stopped = await engine.StopAsync(cancellationToken);
        return new StartTiming(healthy, stopped, memory.ResidentBytes);
    }
}

/// <summary>One start: process start to healthy, SIGTERM to exit, and the resident memory when healthy.</summary>
internal sealed record StartTiming(TimeSpan Healthy, TimeSpan Stopped, long ResidentBytes);

/// <summary>A start on a fresh database, then one on the database it migrated.</summary>
internal sealed record StartupRun(StartTiming Fresh, StartTiming Migrated);
