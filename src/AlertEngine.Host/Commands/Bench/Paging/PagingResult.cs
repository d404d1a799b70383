using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>The paging report: 2xx → SMS latency idle and during the storm, every disaster paged once, the storm's own check.</summary>
internal sealed class PagingResult(MachineInfo machine, PagingSettings settings, LogLevel logLevel, PagingPhase idle, PagingStorm storm, LatencyHistogram diskSync, EngineGc? idleGc, EngineStageTimes? idleStages) : IBenchResult
{
    public string Name => "paging";

    public PagingPhase Idle => idle;

    public PagingStorm Storm => storm;

    public bool IdleMet => idle.Latency.Count > 0 && idle.P99Ms < PagingSettings.IdleTarget.TotalMilliseconds;

    public bool StormMet => storm.Phase.Latency.Count > 0 && storm.Phase.P99Ms < PagingSettings.StormTarget.TotalMilliseconds;

    /// <summary>Broken when a disaster was not answered, not paged or paged twice, or the storm lost or changed events; a missed latency target is only reported.</summary>
    public int ExitCode => idle.Ok && storm.Phase.Ok && storm.Verdict.Ok && storm.Complete ? BenchReport.ExitOk : BenchReport.ExitBroken;

    public LogLevel? EngineLogLevel => logLevel;

    public IReadOnlyList<SummaryLine> Summary =>
    [
        new("2xx → SMS p99, idle", $"< {Text.Ms(PagingSettings.IdleTarget.TotalMilliseconds)} ms", $"{Text.Ms(idle.P99Ms)} ms", IdleMet),
        new("2xx → SMS p99, during the storm", $"< {Text.Ms(PagingSettings.StormTarget.TotalMilliseconds)} ms", $"{Text.Ms(storm.Phase.P99Ms)} ms", StormMet),
        new("disasters paged exactly once", "all", $"{Paged(idle) + Paged(storm.Phase)} of {idle.Disasters.Count + storm.Phase.Disasters.Count}", idle.Ok && storm.Phase.Ok),
        new("storm tickets and inbox as the generator expects", "0 mismatches", $"{storm.Verdict.Mismatches} mismatches", storm.Verdict.Ok),
    ];

    public object Details => new
    {
        engineLogLevel = logLevel,
        idle = Phase(idle, PagingSettings.IdleTarget, IdleMet),
        diskSync = new
        {
            samples = diskSync.Count,
            p50Ms = BenchJson.Number(diskSync.PercentileMs(50)),
            p99Ms = BenchJson.Number(diskSync.PercentileMs(99)),
            maxMs = BenchJson.Number(diskSync.MaxMs),
        },
        idleGc = idleGc is null ? null : new
        {
            gen0 = idleGc.Gen0,
            gen1 = idleGc.Gen1,
            gen2 = idleGc.Gen2,
            pausedMs = BenchJson.Milliseconds(idleGc.Paused),
            allocatedBytes = idleGc.AllocatedBytes,
        },
        idleStages = idleStages?.Stages.Select(s => new { stage = s.Stage, events = s.Events, meanMs = BenchJson.Number(s.MeanMs) }),
        idleFirstAfterStart = new
        {
            disasters = idle.Cold.Count,
            p50Ms = BenchJson.Number(idle.Cold.PercentileMs(50)),
            p99Ms = BenchJson.Number(idle.Cold.PercentileMs(99)),
            maxMs = BenchJson.Number(idle.Cold.MaxMs),
            latenciesMs = idle.Disasters.Where(d => d.Sent.Warmup).Select(d => d.Latency is { } l ? BenchJson.Milliseconds(l) : (double?)null),
        },
        storm = new
        {
            events = storm.Plan.Events,
            triggers = storm.Plan.Triggers.Count,
            seed = settings.Seed,
            concurrency = settings.Concurrency,
            complete = storm.Complete,
            sentSeconds = BenchJson.Seconds(storm.Sending.Elapsed),
            answered2xx = storm.Sending.Tally.Delivered,
            drainedSeconds = storm.Drain.DrainedAfter is { } after ? BenchJson.Seconds(after) : (double?)null,
            mismatches = storm.Verdict.Mismatches,
            check = storm.Verdict.Lines,
            examples = storm.Verdict.Examples,
            disasters = Phase(storm.Phase, PagingSettings.StormTarget, StormMet),
        },
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("AlertEngine paging benchmark (issue #8)");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync($"engine  : `dotnet {typeof(EngineApp).Assembly.GetName().Name}.dll` as a separate process on 127.0.0.1, logging at {logLevel}, fresh temp database per phase");
        await output.WriteLineAsync("twilio  : a stand-in in this process on 127.0.0.1 (Twilio:ApiBaseUrl), 201 queued at once; the arrival of each SMS request is recorded");
        await output.WriteLineAsync("measure : per disaster (severity 5, a trigger of its own → a new L1 ticket), from the webhook's 2xx to its SMS request reaching the stand-in");
        await output.WriteLineAsync($"idle    : {idle.Disasters.Count} disasters one at a time, {Text.Duration(PagingSettings.IdlePause)} after each SMS; the first {PagingSettings.IdleWarmup} after the start are reported apart "
            + "(code the JIT has not optimised yet, a cold Twilio client), the target is on the others");
        await output.WriteLineAsync($"storm   : issue #5's storm, seed {settings.Seed}: {Text.Count(storm.Plan.Events)} events on {Text.Count(storm.Plan.Triggers.Count)} triggers, "
            + $"severities capped at high; {storm.Phase.Disasters.Count} disasters sent between a quarter and three quarters of it answered");
        await output.WriteLineAsync($"          sent in {Text.Seconds(storm.Sending.Elapsed)}; {storm.Drain.Line}");
        await output.WriteLineAsync();
        var rows = new[] { (idle, PagingSettings.IdleTarget, IdleMet), (storm.Phase, PagingSettings.StormTarget, StormMet) }
            .Select(p => new[]
            {
                p.Item1.Name, Measured(p.Item1), Text.Ms(p.Item1.P50Ms), Text.Ms(p.Item1.P99Ms), Text.Ms(p.Item1.MaxMs),
                $"< {Text.Ms(p.Item2.TotalMilliseconds)}", p.Item3 ? "met" : "missed", Text.Count(Paged(p.Item1)), Text.Count(p.Item1.NotPaged), Text.Count(p.Item1.PagedTwice),
            }).ToList();
        var cold = idle.Cold;
        rows.Insert(0, ["idle, first after start", Text.Count(cold.Count), Text.Ms(cold.PercentileMs(50)), Text.Ms(cold.PercentileMs(99)), Text.Ms(cold.MaxMs), "—", "—", "", "", ""]);
        await TextTable.WriteAsync(output, ["phase", "disasters", "p50 ms", "p99 ms", "max ms", "target p99 ms", "target", "paged once", "not paged", "paged twice"], rows, rightAligned: [1, 2, 3, 4, 7, 8, 9]);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"request : from the start of the webhook request (its wait for the disk included) to the SMS: idle p50 {Text.Ms(idle.FromRequest.PercentileMs(50))} ms, "
            + $"p99 {Text.Ms(idle.FromRequest.PercentileMs(99))} ms; storm p50 {Text.Ms(storm.Phase.FromRequest.PercentileMs(50))} ms, p99 {Text.Ms(storm.Phase.FromRequest.PercentileMs(99))} ms");
        await output.WriteLineAsync($"          {Text.Count(idle.SmsBeforeAnswer)} of the idle SMS reached the stand-in before the webhook's 2xx reached the benchmark (0 in the table): "
            + "a page goes out once the sender's own commit is on disk, which can be before the webhook's fsync has returned");
        await output.WriteLineAsync($"disk    : {Text.Count(diskSync.Count)} fsyncs of a 4 KiB write in the database folder, {Text.Duration(DiskSyncProbe.Pause)} apart: p50 {Text.Ms(diskSync.PercentileMs(50))} ms, "
            + $"p99 {Text.Ms(diskSync.PercentileMs(99))} ms, max {Text.Ms(diskSync.MaxMs)} ms (every page waits for one fsync: the sender's mark before the send)");
        await output.WriteLineAsync($"gc      : the engine's garbage collector during the measured idle pages: "
            + (idleGc is null ? "not read (the engine's /metrics did not answer)"
                : $"{idleGc} (≈ {Text.Count(idleGc.AllocatedBytes / 1024 / Math.Max(1, idle.Latency.Count))} KiB a page; each pause stops the page in flight)"));
        await output.WriteLineAsync($"stages  : the engine's pipeline stages during the measured idle pages, mean per event: "
            + (idleStages is null ? "not read (the engine's /metrics did not answer)" : idleStages.ToString()));
        await output.WriteLineAsync($"stand-in: idle {idle.SmsTotal} SMS, {idle.CallsTotal} calls; storm {storm.Phase.SmsTotal} SMS, {storm.Phase.CallsTotal} calls (the storm's own L2 pages included; a page bundled with others is matched by the sid of its SMS)");
        foreach (var problem in Problems(idle).Concat(Problems(storm.Phase)).Take(20))
        {
            await output.WriteLineAsync($"  - {problem}");
        }

        await output.WriteLineAsync($"storm   : per-trigger order and every event: {(storm.Verdict.Ok ? "every event accounted for, every ticket as expected" : $"FAIL, {storm.Verdict.Mismatches} checks do not match")}");
        foreach (var line in storm.Verdict.Lines.Where(l => !l.Ok))
        {
            await output.WriteLineAsync($"  - {line.Name}: expected {Text.Count(line.Expected)}, engine {Text.Count(line.Actual)}");
        }

        foreach (var example in storm.Verdict.Examples)
        {
            await output.WriteLineAsync($"  - {example}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"target  : p99 < {Text.Ms(PagingSettings.IdleTarget.TotalMilliseconds)} ms idle: {(IdleMet ? "met" : "missed")} ({Text.Ms(idle.P99Ms)} ms)");
        await output.WriteLineAsync($"target  : p99 < 1 s during the storm: {(StormMet ? "met" : "missed")} ({Text.Ms(storm.Phase.P99Ms)} ms)");
        await output.WriteLineAsync($"pages   : {(idle.Ok && storm.Phase.Ok ? "every disaster paged exactly once" : "FAIL, a disaster was not answered, not paged or paged twice")}");
        await output.WriteLineAsync($"exit    : {ExitCode}");
    }

    private static int Paged(PagingPhase phase) => phase.Disasters.Count(d => d.PagedOnce);

    /// <summary>The disasters in the phase's figures, and the first ones after the start that are reported apart (checked all the same).</summary>
    private static string Measured(PagingPhase phase)
    {
        var apart = phase.Disasters.Count(d => d.Sent.Warmup);
        return Text.Count(phase.Disasters.Count - apart) + (apart > 0 ? $" (+{Text.Count(apart)})" : "");
    }

    private static IEnumerable<string> Problems(PagingPhase phase) => phase.Disasters
        .Where(d => !d.PagedOnce || d.Level != 1)
        .Select(d => $"{phase.Name}: disaster {d.Sent.Index} (trigger {d.Sent.TriggerId}): "
            + (d.Sent.AnsweredAt is null ? $"not answered 2xx ({d.Sent.Failure})"
            : d.TicketNumber is null ? "no ticket"
            : d.Level != 1 ? $"ticket {d.TicketNumber} is L{d.Level}, not L1"
            : $"ticket {d.TicketNumber}: {d.Sms} SMS"));

    private static object Phase(PagingPhase phase, TimeSpan target, bool met) => new
    {
        disasters = phase.Disasters.Count,
        p50Ms = BenchJson.Number(phase.P50Ms),
        p99Ms = BenchJson.Number(phase.P99Ms),
        maxMs = BenchJson.Number(phase.MaxMs),
        targetP99Ms = target.TotalMilliseconds,
        targetMet = met,
        pagedOnce = Paged(phase),
        notAnswered = phase.NotAnswered,
        notPaged = phase.NotPaged,
        pagedTwice = phase.PagedTwice,
        notL1 = phase.NotL1,
        smsAtStandIn = phase.SmsTotal,
        callsAtStandIn = phase.CallsTotal,
        warmups = phase.Disasters.Count(d => d.Sent.Warmup),
        latenciesMs = phase.Disasters.Where(d => !d.Sent.Warmup).Select(d => d.Latency is { } l ? BenchJson.Milliseconds(l) : (double?)null),
        fromRequestP50Ms = BenchJson.Number(phase.FromRequest.PercentileMs(50)),
        fromRequestP99Ms = BenchJson.Number(phase.FromRequest.PercentileMs(99)),
        smsBeforeAnswer = phase.SmsBeforeAnswer,
    };
}
