using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>The overload report: offered against accepted, the 503s and their Retry-After, p99 of the accepted, peak memory, the stored check.</summary>
internal sealed class OverloadResult(
    MachineInfo machine,
    OverloadSettings settings,
    EngineProcessConfig engine,
    QueueChoice queue,
    RunResult? capacity,
    PipelineDrain drain,
    OpenLoopResult open,
    ProcessMemory memory,
    HealthTally health,
    InboxCounts counts) : IBenchResult
{
    public string Name => "overload";

    private OpenLoopPhase M => open.Measured;

    public StoredCheck Stored => new(
        (capacity?.Answered2xx ?? 0) + open.WarmupPhase.Answers.Success + M.Answers.Success,
        (capacity is { } c ? c.Warmup.Failed + c.Warmup.TimedOut + c.Measured.Failed + c.Measured.TimedOut : 0) + open.WarmupPhase.NoAnswer + M.NoAnswer,
        counts.Stored,
        " (capacity run and warm-up included)");

    /// <summary>Answers that are neither 2xx nor 503 with Retry-After: a broken contract or an engine fault.</summary>
    public long Unexpected => (capacity is { } c ? c.Warmup.Unexpected + c.Measured.Unexpected : 0) + open.WarmupPhase.Answers.Unexpected + M.Answers.Unexpected;

    public bool? P99Met => double.IsNaN(open.P99Ms) ? null : open.P99Ms < EngineTargets.MaxOverloadP99Ms;

    public bool PeakMet => memory.PeakResidentBytes < EngineTargets.MaxResidentBytes;

    /// <summary>Every 503 carried Retry-After; null when there was no 503 to judge.</summary>
    public bool? RetryAfterMet => M.Status503 == 0 ? null : M.Answers.Busy == M.Status503;

    public int ExitCode =>
        !Stored.Ok || Unexpected > 0 || M.Answers.Success == 0 ? BenchReport.ExitBroken
        : settings.Enforce && (P99Met != true || !PeakMet) ? BenchReport.ExitTargetMissed
        : BenchReport.ExitOk;

    public LogLevel? EngineLogLevel => engine.LogLevel;

    public IReadOnlyList<SummaryLine> Summary =>
    [
        SummaryLine.Figure($"capacity (closed loop, c={IngestBenchSettings.TargetConcurrency}, req/s)", capacity is { } c ? Text.Rate(c.RequestsPerSecond) : "not measured (--rate)"),
        SummaryLine.Figure("offered (req/s)", Text.Rate(open.OfferedPerSecond)),
        SummaryLine.Figure("accepted (2xx/s)", Text.Rate(open.AcceptedPerSecond)),
        SummaryLine.Figure("answered 503", Text.Count(M.Status503)),
        SummaryLine.Figure("/healthz not healthy while loaded (read every second)", Text.Count(health.Count)),
        new("503 answers carrying Retry-After", "= all", $"{Text.Count(M.Answers.Busy)} of {Text.Count(M.Status503)}", RetryAfterMet),
        new("p99 of accepted requests", $"< {Text.Ms(EngineTargets.MaxOverloadP99Ms)} ms", Text.Ms(open.P99Ms) + " ms", P99Met),
        new("engine peak RSS", $"< {Text.Megabytes(EngineTargets.MaxResidentBytes)}", Text.Megabytes(memory.PeakResidentBytes), PeakMet),
        Stored.Summary,
    ];

    public object Details => new
    {
        engineLogLevel = engine.LogLevel,
        queueCapacity = queue.Capacity,
        queueCapacityReason = queue.Reason,
        writeBatchSize = engine.Ingest.WriteBatchSize,
        retryAfterSeconds = engine.Ingest.RetryAfter.TotalSeconds,
        capacity = capacity is { } c ? new { requestsPerSecond = BenchJson.Number(c.RequestsPerSecond), p99Ms = BenchJson.Number(c.P99Ms), warmupSeconds = BenchJson.Seconds(settings.CapacityWarmup), durationSeconds = BenchJson.Seconds(c.Elapsed) } : null,
        factor = settings.Rate is null ? OverloadSettings.Factor : (double?)null,
        rate = BenchJson.Number(open.Rate),
        warmupSeconds = BenchJson.Seconds(open.Warmup),
        durationSeconds = BenchJson.Seconds(open.Duration),
        maxInFlight = open.MaxInFlight,
        peakInFlight = open.PeakInFlight,
        offeredPerSecond = BenchJson.Number(open.OfferedPerSecond),
        sentPerSecond = BenchJson.Number(open.SentPerSecond),
        acceptedPerSecond = BenchJson.Number(open.AcceptedPerSecond),
        offered = M.Offered,
        notSent = M.Skipped,
        accepted = M.Answers.Success,
        status503 = M.Status503,
        status503WithRetryAfter = M.Answers.Busy,
        noAnswer = M.NoAnswer,
        unexpected = Unexpected,
        p50Ms = BenchJson.Number(open.P50Ms),
        p99Ms = BenchJson.Number(open.P99Ms),
        maxMs = BenchJson.Number(open.MaxMs),
        backlogBeforeOverload = drain.Backlog,
        unhealthyAnswers = health.Count,
        lastUnhealthyReason = health.LastError,
        memory = new { residentBytes = memory.ResidentBytes, peakResidentBytes = memory.PeakResidentBytes, anonymousBytes = memory.AnonymousBytes, fileBytes = memory.FileBytes, sharedBytes = memory.SharedBytes },
        stored = new { answered2xx = Stored.Answered2xx, noAnswer = Stored.NoAnswer, stored = counts.Stored, unprocessed = counts.Unprocessed, poisoned = counts.Poisoned, ok = Stored.Ok },
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("AlertEngine overload benchmark (fixed rate, open loop)");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync($"engine  : `dotnet {typeof(EngineApp).Assembly.GetName().Name}.dll` as a separate process, logging at {engine.LogLevel}; "
            + $"Ingest:QueueCapacity {Text.Count(queue.Capacity)} ({queue.Reason}), group commit up to {Text.Count(engine.Ingest.WriteBatchSize)}, Retry-After {Text.Duration(engine.Ingest.RetryAfter)}");
        await output.WriteLineAsync(capacity is { } c
            ? $"capacity: closed loop at c={c.Concurrency}, warm-up {Text.Duration(settings.CapacityWarmup)}, measured {Text.Seconds(c.Elapsed)}: {Text.Rate(c.RequestsPerSecond)} req/s, p99 {Text.Ms(c.P99Ms)} ms; offered {OverloadSettings.Factor}× that"
            : "capacity: not measured (--rate given)");
        await output.WriteLineAsync($"load    : {Text.Rate(open.Rate)} req/s on a fixed schedule whether or not earlier requests were answered, at most {Text.Count(open.MaxInFlight)} in flight "
            + $"(peak {Text.Count(open.PeakInFlight)}); warm-up {Text.Duration(open.Warmup)}, measured {Text.Duration(open.Duration)}; latency from each request's due time"
            + (drain.Backlog > 0 ? $"; started after the pipeline worked off {Text.Count(drain.Backlog - drain.Left)} of {Text.Count(drain.Backlog)} backlog events" : ""));
        await output.WriteLineAsync();
        string[] header = ["offered/s", "sent/s", "2xx/s", "503", "503 + Retry-After", "not sent", "no answer", "p50 ms", "p99 ms", "max ms"];
        string[] row =
        [
            Text.Rate(open.OfferedPerSecond), Text.Rate(open.SentPerSecond), Text.Rate(open.AcceptedPerSecond), Text.Count(M.Status503), Text.Count(M.Answers.Busy),
            Text.Count(M.Skipped), Text.Count(M.NoAnswer), Text.Ms(open.P50Ms), Text.Ms(open.P99Ms), Text.Ms(open.MaxMs),
        ];
        await TextTable.WriteAsync(output, header, [row], rightAligned: [.. Enumerable.Range(0, header.Length)]);
        await output.WriteLineAsync();
        await WriteDetailsAsync(output);
    }

    private async Task WriteDetailsAsync(TextWriter o)
    {
        if (M.Status503 == 0)
        {
            await o.WriteLineAsync("overload: no 503: the engine's queue never filled at this rate (its admission control was not exercised)");
        }

        if (M.Skipped > 0)
        {
            await o.WriteLineAsync($"client  : {Text.Count(M.Skipped)} requests fell due while {Text.Count(open.MaxInFlight)} were in flight and were not sent (raise --max-in-flight)");
        }

        if (Unexpected > 0)
        {
            await o.WriteLineAsync($"BROKEN  : {Text.Count(Unexpected)} answers were neither 2xx nor 503 with Retry-After");
        }

        await o.WriteLineAsync($"engine  : {memory} at the end of the run");
        if (health.Count > 0)
        {
            await o.WriteLineAsync($"health  : {health}");
        }

        await o.WriteLineAsync($"stored  : {Stored.Line}");
        await o.WriteLineAsync($"          after the engine stopped: {Text.Count(counts.Unprocessed)} not yet processed, {Text.Count(counts.Poisoned)} set aside as poisoned");
        await o.WriteLineAsync();
        foreach (var line in Summary.Where(s => s.Goal is not null))
        {
            await o.WriteLineAsync($"target  : {line.Name} {line.Goal}: {line.Verdict} ({line.Measured})");
        }

        await o.WriteLineAsync($"exit    : {ExitCode}{(settings.Enforce ? " (--enforce)" : "")}");
    }
}
