using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// <c>alertengine bench storm</c> (issue #5): the built engine as a separate process on a fresh
/// database; a generated storm is sent into it wave by wave while its memory is sampled; then the
/// benchmark waits until <c>/healthz</c> reports an empty inbox, stops the engine and checks every
/// ticket and inbox row in its file against what the generator expects.
/// </summary>
internal sealed class StormBenchmark(StormSettings settings) : IBenchmark
{
    public string Name => "storm";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var plan = StormGenerator.Generate(settings.Events, settings.Hosts, settings.Seed, TimeProvider.System.GetUtcNow());
        var expected = plan.Expected();
        await progress.WriteLineAsync(
            $"storm: seed {settings.Seed}: {Text.Count(plan.Events)} events on {Text.Count(expected.AlertTickets)} triggers over {Text.Count(plan.HostsUsed)} hosts "
            + $"({Text.Count(plan.Customers)} customers); {Text.Count(expected.Redeliveries)} redeliveries, {Text.Count(expected.LateProblems)} problems sent late");

        var config = await EngineProcessConfig.ResolveAsync(new Dictionary<string, string?>());
        using var folder = new BenchFolder();
        await using var engine = EngineProcess.Start(config, folder.DatabasePath);
        await engine.WaitHealthyAsync(EngineTargets.StartTimeout, cancellationToken);
        var atRest = engine.ReadMemory();
        await progress.WriteLineAsync($"storm: engine pid {engine.Id} on {engine.BaseUri}, log level {config.LogLevel}; at rest: {atRest}");

        using var client = LoadRun.CreateClient(settings.Concurrency);
        var sender = new StormSender(client, engine.Target, plan, settings.Concurrency);
        var watch = new StormWatch(engine, atRest);
        var usage = ResourceUsage.Start();
        var engineCpu = engine.CpuTime;
        var started = Stopwatch.GetTimestamp();
        StormSending sending;
        using (var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var watcher = watch.RunAsync(() => $"sent {Text.Count(sender.Answered)} of {Text.Count(plan.Events)}", settings.ProgressEvery, progress, watching.Token);
            sending = await sender.SendAsync(settings.MaxTime, cancellationToken);
            await progress.WriteLineAsync($"storm: {Text.Count(sending.Tally.Delivered)} events answered 2xx in {Text.Seconds(sending.Elapsed)} ({Text.Rate(sending.EventsPerSecond)} ev/s); waiting for an empty inbox…");
            var left = settings.MaxTime - Stopwatch.GetElapsedTime(started);
            watch.Drain = await StormDrain.WaitAsync(engine, started, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
            await watching.CancelAsync();
            await watcher;
        }

        var resources = new StormResources(usage.Stop(), engine.CpuTime - engineCpu, Stopwatch.GetElapsedTime(started));
        var afterStorm = engine.ReadMemory();
        await progress.WriteLineAsync($"storm: {watch.Drain.Line}; engine {afterStorm}; stopping it (SIGTERM) and reading its file…");
        await engine.StopAsync(cancellationToken);
        var verdict = StormCheck.Compare(plan, StormDatabase.Read(folder.DatabasePath), sending.Tally);
        var memory = new StormMemory(atRest, afterStorm, Math.Max(afterStorm.PeakResidentBytes, watch.PeakResidentBytes), watch.PeakAnonymousBytes);
        return new StormResult(machine, settings, config.LogLevel, plan, sending, watch.Drain, memory, resources, verdict, engine.Unhealthy);
    }
}

/// <summary>The engine's memory: at rest, after the storm, the peak resident set (VmHWM and samples) and the highest anonymous part sampled.</summary>
internal sealed record StormMemory(ProcessMemory AtRest, ProcessMemory AfterStorm, long PeakResidentBytes, long? PeakAnonymousBytes);

/// <summary>CPU from the first event sent to the end of the wait: the machine's, this process's and the engine's.</summary>
internal sealed record StormResources(ResourceUsage Usage, TimeSpan EngineCpu, TimeSpan Wall)
{
    /// <summary>The engine's share of all cores.</summary>
    public double EngineShare => Wall > TimeSpan.Zero ? EngineCpu / (Wall * Environment.ProcessorCount) : double.NaN;

    /// <summary>What neither the engine nor this benchmark used: other processes on the (shared) machine; null when unknown.</summary>
    public double? OthersShare => Usage.MachineShare is { } machine ? Math.Max(0, machine - Usage.ProcessShare - EngineShare) : null;
}
