using System.Globalization;
using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>
/// <c>alertengine bench overload</c>: the built engine as a separate process; a short closed-loop run
/// measures its capacity, then (once the pipeline is idle) a fixed-rate run offers 1.5× that, or
/// <c>--rate</c>. Reports what was accepted, the 503s and their Retry-After, the p99 of the accepted
/// requests and the engine's peak memory; then stops the engine and checks every 2xx is in its inbox.
/// </summary>
internal sealed class OverloadBenchmark(OverloadSettings settings) : IBenchmark
{
    private const int C = IngestBenchSettings.TargetConcurrency;

    public string Name => "overload";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var configured = await EngineProcessConfig.ResolveAsync(new Dictionary<string, string?>());
        var queue = OverloadSettings.ChooseQueueCapacity(settings.QueueCapacity, configured.Ingest.QueueCapacity, configured.Ingest.WriteBatchSize, configured.Ingest.MaxConcurrentRequests, settings.MaxInFlight);
        var config = await EngineProcessConfig.ResolveAsync(new Dictionary<string, string?>
        {
            [$"{IngestOptions.SectionName}:{nameof(IngestOptions.QueueCapacity)}"] = queue.Capacity.ToString(CultureInfo.InvariantCulture),
        });
        using var folder = new BenchFolder();
        await using var engine = EngineProcess.Start(config, folder.DatabasePath);
        await engine.WaitHealthyAsync(EngineTargets.StartTimeout, cancellationToken);
        await progress.WriteLineAsync($"overload: engine pid {engine.Id} on {engine.BaseUri}, log level {config.LogLevel}, Ingest:QueueCapacity {Text.Count(queue.Capacity)} ({queue.Reason})");

        using var client = LoadRun.CreateClient(Math.Max(settings.MaxInFlight, C));
        var bodies = new EventBodies(TimeProvider.System);
        RunResult? capacity = null;
        if (settings.Rate is null)
        {
            var closedLoop = new IngestBenchSettings([C], settings.CapacityWarmup, settings.CapacityDuration, IngestBenchSettings.DefaultMaxEvents, Enforce: false);
            await progress.WriteLineAsync($"overload: measuring capacity in a closed loop at c={C}…");
            capacity = await LoadRun.RunAsync(client, engine.Target, C, closedLoop, bodies, progress, cancellationToken);
        }

        var rate = settings.Rate ?? capacity!.RequestsPerSecond * OverloadSettings.Factor;
        if (rate < 1)
        {
            throw new BenchFailedException("the closed-loop run got no 2xx answer, so there is no capacity to offer 1.5× of");
        }

        var drain = await PipelineWait.UntilIdleAsync(engine.ReadBacklogAsync, settings.MaxDrainWait, progress, cancellationToken);
        OpenLoopResult open;
        using (var loaded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var watching = engine.WatchHealthAsync(TimeSpan.FromSeconds(1), loaded.Token);
            open = await OpenLoopRun.RunAsync(client, engine.Target, bodies, new RateSchedule(rate), settings, progress, cancellationToken);
            await loaded.CancelAsync();
            await watching;
        }

        var memory = engine.ReadMemory();
        await progress.WriteLineAsync($"overload: engine {memory}; stopping it (SIGTERM) and counting its inbox…");
        await engine.StopAsync(cancellationToken);
        var counts = InboxFile.Count(folder.DatabasePath);
        return new OverloadResult(machine, settings, config, queue, capacity, drain, open, memory, engine.Unhealthy, counts);
    }
}
