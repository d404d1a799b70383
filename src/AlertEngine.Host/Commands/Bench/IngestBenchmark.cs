using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// <c>alertengine bench ingest</c>: starts the real engine and a bare ASP.NET endpoint in this
/// process, runs each concurrency against the bare endpoint and then the engine (waiting for
/// the engine's pipeline to go idle after each engine run), stops the engine, and checks that the
/// inbox holds exactly the events answered 2xx.
/// Exit codes: 0 done (targets may still FAIL), 1 events lost or the benchmark itself broke,
/// 3 a target missed with --enforce, 130 (Ctrl+C) or 143 (SIGTERM) cancelled.
/// </summary>
internal sealed class IngestBenchmark(IngestBenchSettings settings) : IBenchmark
{
    public string Name => "ingest";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await progress.WriteLineAsync("bench: starting the engine and the bare endpoint on free loopback ports…");
        await using var engine = await EngineUnderTest.StartAsync(cancellationToken);
        await using var bare = await BareServer.StartAsync(engine.Target.Token, cancellationToken);
        using var client = LoadRun.CreateClient(settings.Concurrency.Max());
        var bodies = new EventBodies(TimeProvider.System);
        var setup = new BenchSetup(machine, settings, engine.LogLevel, bare.LogLevel, engine.Ingest, engine.Pipeline, bodies.Write(new byte[EventBodies.MaxBytes]));
        await progress.WriteLineAsync($"bench: engine {engine.Target.EventsUri}, bare {bare.Target.EventsUri}, database {engine.DatabasePath}, log level {setup.EngineLogLevel}");

        var results = new List<RunResult>();
        foreach (var concurrency in settings.Concurrency)
        {
            Settle();
            results.Add(await LoadRun.RunAsync(client, bare.Target, concurrency, settings, bodies, progress, cancellationToken));
            Settle();
            var writerBefore = engine.WriterTotals();
            var started = Stopwatch.GetTimestamp();
            var run = await LoadRun.RunAsync(client, engine.Target, concurrency, settings, bodies, progress, cancellationToken);
            var writer = WriterActivity.Between(writerBefore, engine.WriterTotals(), Stopwatch.GetElapsedTime(started));
            results.Add(run with { Pipeline = await engine.WaitForPipelineAsync(progress, cancellationToken), Writer = writer });
        }

        await progress.WriteLineAsync("bench: stopping the engine and counting its inbox…");
        var counts = await engine.StopAndCountAsync(cancellationToken);
        var report = new BenchReport(setup, results, counts);
        if (report.Disturbance >= BenchReport.DisturbedShare)
        {
            await progress.WriteLineAsync($"bench: warning: other processes used up to {Text.Percent(report.Disturbance.Value)} of the CPU while measuring; the figures are disturbed.");
        }

        if (!report.AllStored)
        {
            await progress.WriteLineAsync($"bench: FAILED: {report.StoredLine}");
        }

        return new IngestResult(report);
    }

    /// <summary>Starts each run from a collected heap, so one run's garbage is not the next run's pause.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
