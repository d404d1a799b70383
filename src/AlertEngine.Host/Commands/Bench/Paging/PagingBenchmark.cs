using System.Diagnostics;
using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Storm;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>
/// <c>alertengine bench paging</c> (issue #8): the built engine as a separate process (as
/// <c>bench storm</c> runs it) with Twilio pointed at <see cref="TwilioStandIn"/> in this process.
/// Idle: disasters one at a time on a fresh engine. Storm: a fresh engine gets issue #5's storm
/// (disasters in it capped at high, so that the storm is of lower severities) and, at spread
/// moments in its middle, disasters of their own triggers. Each disaster's latency runs from the
/// webhook's 2xx to its SMS at the stand-in; every disaster must be paged exactly once and the
/// storm's tickets must be what its generator expects.
/// </summary>
internal sealed class PagingBenchmark(PagingSettings settings) : IBenchmark
{
    public string Name => "paging";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var idle = await RunIdleAsync(progress, cancellationToken);
        await progress.WriteLineAsync($"paging: idle: p50 {Text.Ms(idle.Phase.P50Ms)} ms, p99 {Text.Ms(idle.Phase.P99Ms)} ms; now the storm…");
        var storm = await RunStormAsync(progress, cancellationToken);
        return new PagingResult(machine, settings, idle.LogLevel, idle.Phase, storm, idle.DiskSync, idle.Gc, idle.Stages);
    }

    private async Task<(PagingPhase Phase, LogLevel LogLevel, LatencyHistogram DiskSync, EngineGc? Gc, EngineStageTimes? Stages)> RunIdleAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        await using var twilio = await TwilioStandIn.StartAsync(cancellationToken);
        var config = await EngineProcessConfig.ResolveAsync(twilio.EngineSettings);
        using var folder = new BenchFolder();
        await progress.WriteLineAsync($"paging: the disk: {DiskSyncProbe.Samples} fsyncs of a 4 KiB write in the database folder…");
        var diskSync = await DiskSyncProbe.MeasureAsync(Path.GetDirectoryName(folder.DatabasePath)!, cancellationToken);
        var sent = new List<DisasterSent>();
        EngineGc? gc;
        EngineStageTimes? stages;
        await using (var engine = EngineProcess.Start(config, folder.DatabasePath))
        {
            await engine.WaitHealthyAsync(EngineTargets.StartTimeout, cancellationToken);
            await progress.WriteLineAsync($"paging: idle: engine pid {engine.Id} on {engine.BaseUri}, Twilio stand-in on {twilio.BaseUri}; {settings.IdleDisasters} disasters one at a time");
            using var client = LoadRun.CreateClient(1);
            var sender = new DisasterSender(client, engine.Target);
            string? metricsBefore = null;
            for (var i = 0; i < PagingSettings.IdleWarmup + settings.IdleDisasters; i++)
            {
                if (i == PagingSettings.IdleWarmup)
                {
                    metricsBefore = await EngineMetricsText.ReadAsync(client, engine.BaseUri, cancellationToken);
                }

                var before = twilio.SmsCount;
                var one = await sender.SendAsync(i, cancellationToken);
                sent.Add(one with { Warmup = i < PagingSettings.IdleWarmup });
                if (one.AnsweredAt is not null)
                {
                    await twilio.WaitForSmsAsync(before + 1, PagingSettings.PageWait, cancellationToken);
                }

                await Task.Delay(PagingSettings.IdlePause, TimeProvider.System, cancellationToken);
            }

            var metricsAfter = await EngineMetricsText.ReadAsync(client, engine.BaseUri, cancellationToken);
            gc = EngineGc.Between(EngineGc.Parse(metricsBefore), EngineGc.Parse(metricsAfter));
            stages = EngineStageTimes.Between(EngineStageTimes.Parse(metricsBefore), EngineStageTimes.Parse(metricsAfter));
            await Task.Delay(PagingSettings.DuplicateGrace, TimeProvider.System, cancellationToken);
            await engine.StopAsync(cancellationToken);
        }

        return (PagingOutcomes.Match("idle", sent, twilio.Arrivals, folder.DatabasePath), config.LogLevel, diskSync, gc, stages);
    }

    private async Task<PagingStorm> RunStormAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var plan = Demote(StormGenerator.Generate(settings.StormEvents, settings.StormHosts, settings.Seed, TimeProvider.System.GetUtcNow()));
        await using var twilio = await TwilioStandIn.StartAsync(cancellationToken);
        var config = await EngineProcessConfig.ResolveAsync(twilio.EngineSettings);
        using var folder = new BenchFolder();
        StormSending sending;
        StormDrain drain;
        DisasterSent[] sent;
        await using (var engine = EngineProcess.Start(config, folder.DatabasePath))
        {
            await engine.WaitHealthyAsync(EngineTargets.StartTimeout, cancellationToken);
            await progress.WriteLineAsync($"paging: storm: engine pid {engine.Id}; {Text.Count(plan.Events)} storm events on {Text.Count(plan.Triggers.Count)} triggers, "
                + $"{settings.StormDisasters} disasters in its middle");
            using var client = LoadRun.CreateClient(settings.Concurrency);
            using var disasterClient = LoadRun.CreateClient(settings.StormDisasters);
            var storm = new StormSender(client, engine.Target, plan, settings.Concurrency);
            var disasters = new DisasterSender(disasterClient, engine.Target);
            var started = Stopwatch.GetTimestamp();
            var sendingTask = storm.SendAsync(settings.MaxTime, cancellationToken);
            var disasterTasks = new List<Task<DisasterSent>>();
            for (var i = 0; i < settings.StormDisasters; i++)
            {
                // Spread over the middle half of the storm: from a quarter of it answered to three quarters.
                var due = (long)(plan.Events * (0.25 + (0.5 * (i + 0.5) / settings.StormDisasters)));
                while (storm.Answered < due && !sendingTask.IsCompleted)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, cancellationToken);
                }

                var index = PagingSettings.IdleWarmup + settings.IdleDisasters + i;
                disasterTasks.Add(Task.Run(() => disasters.SendAsync(index, cancellationToken), cancellationToken));
            }

            sending = await sendingTask;
            sent = await Task.WhenAll(disasterTasks);
            await progress.WriteLineAsync($"paging: storm: {Text.Count(sending.Tally.Delivered)} storm events answered 2xx in {Text.Seconds(sending.Elapsed)}; waiting for an empty inbox…");
            var left = settings.MaxTime - Stopwatch.GetElapsedTime(started);
            drain = await StormDrain.WaitAsync(engine, started, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
            await WaitForDisasterPagesAsync(twilio, sent, cancellationToken);
            await engine.StopAsync(cancellationToken);
        }

        var phase = PagingOutcomes.Match("storm", sent, twilio.Arrivals, folder.DatabasePath);
        var observed = WithoutDisasters(StormDatabase.Read(folder.DatabasePath), sent);
        return new PagingStorm(plan, sending, drain, StormCheck.Compare(plan, observed, sending.Tally), phase);
    }

    /// <summary>
    /// Waits (bounded) until the stand-in holds an SMS naming "L1" for each disaster answered (the
    /// storm has none of its own: its disasters are capped at high; a bundle names its L1 first), then
    /// a grace period for a second one.
    /// </summary>
    private static async Task WaitForDisasterPagesAsync(TwilioStandIn twilio, IReadOnlyList<DisasterSent> sent, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answered = sent.Count(s => s.AnsweredAt is not null);
        while (Stopwatch.GetElapsedTime(started) < PagingSettings.PageWait)
        {
            var arrivals = twilio.Arrivals;
            var l1 = arrivals.Count(a => a.Sms && a.Body is { } body && body.Contains("L1 ", StringComparison.Ordinal));
            var quiet = arrivals.Count == 0 || TimeProvider.System.GetElapsedTime(arrivals.Max(a => a.Timestamp)) >= PagingSettings.DuplicateGrace;
            if (l1 >= answered || (l1 > 0 && quiet))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }

        await Task.Delay(PagingSettings.DuplicateGrace, TimeProvider.System, cancellationToken);
    }

    /// <summary>The storm with its disaster triggers (severity 5) capped at high (4): the disasters are the benchmark's own.</summary>
    internal static StormPlan Demote(StormPlan plan) =>
        plan with { Triggers = [.. plan.Triggers.Select(t => t.Severity > 4 ? t with { Severity = 4 } : t)] };

    /// <summary>The engine's file without the benchmark's disasters, for the storm's own check.</summary>
    private static StormObserved WithoutDisasters(StormObserved observed, IReadOnlyList<DisasterSent> sent)
    {
        var triggers = sent.Select(s => s.TriggerId).ToHashSet(StringComparer.Ordinal);
        var events = sent.Select(s => s.EventId).ToHashSet(StringComparer.Ordinal);
        return new StormObserved(
            [.. observed.Tickets.Where(t => t.TriggerId is null || !triggers.Contains(t.TriggerId))],
            [.. observed.Events.Where(e => !events.Contains(e.EventId))],
            [.. observed.Inbox.Where(r => !events.Contains(r.EventId))]);
    }
}

/// <summary>The storm phase: the storm sent, when its inbox drained, its check, and the disasters sent in its middle.</summary>
internal sealed record PagingStorm(StormPlan Plan, StormSending Sending, StormDrain Drain, StormVerdict Verdict, PagingPhase Phase)
{
    public bool Complete => Sending.Complete && Drain.Drained;
}
