namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The printed result: setup, the table, engine/bare ratios, the pipeline's catch-up after each
/// engine run, the stored-events check and the verdict on the targets; and the exit code.
/// </summary>
internal sealed class BenchReport(BenchSetup setup, IReadOnlyList<RunResult> results, InboxCounts counts)
{
    public const int ExitOk = 0;
    public const int ExitBroken = 1;
    public const int ExitTargetMissed = 3;
    public const int ExitCancelled = 130;

    /// <summary>Above this CPU share taken by other processes, the report says the figures are disturbed.</summary>
    public const double DisturbedShare = 0.10;

    private const int C = IngestBenchSettings.TargetConcurrency;

    public BenchSetup Setup => setup;

    public IReadOnlyList<RunResult> Results => results;

    public InboxCounts Counts => counts;

    private IEnumerable<RunResult> EngineRuns => results.Where(r => r.Target == "engine");

    /// <summary>2xx answers from the engine over every warm-up and measurement.</summary>
    public long EngineAnswered => EngineRuns.Sum(r => r.Answered2xx);

    /// <summary>Every 2xx answered by the engine is in its inbox, and nothing more.</summary>
    public StoredCheck Stored => new(EngineAnswered, NoAnswer: 0, counts.Stored, " (warm-ups included)");

    public bool AllStored => Stored.Ok;

    public string StoredLine => Stored.Line;

    /// <summary>Answers that are neither 2xx nor "busy" mean a broken contract (400, 401, 404) or an engine fault (500).</summary>
    public long Unexpected => results.Sum(r => r.Warmup.Unexpected + r.Measured.Unexpected);

    public IReadOnlyList<RunResult> Empty => [.. results.Where(r => r.Measured.Success == 0)];

    /// <summary>The largest CPU share other processes took during any measurement; null when the OS does not tell.</summary>
    public double? Disturbance => results.Select(r => r.Usage?.OthersShare).Where(x => x is not null).DefaultIfEmpty(null).Max();

    public double? Share(int concurrency)
    {
        var bare = Find("bare", concurrency);
        var engine = Find("engine", concurrency);
        return bare is null || engine is null || bare.RequestsPerSecond <= 0 ? null : engine.RequestsPerSecond / bare.RequestsPerSecond;
    }

    public double? EngineP99(int concurrency) => Find("engine", concurrency)?.P99Ms;

    public bool ShareMet => Share(C) >= IngestBenchSettings.MinEngineShare;

    public bool P99Met => EngineP99(C) is { } p99 && !double.IsNaN(p99) && p99 < IngestBenchSettings.MaxEngineP99Ms;

    public bool TargetsEvaluated => Find("engine", C) is not null;

    public int ExitCode =>
        !AllStored || Unexpected > 0 || Empty.Count > 0 ? ExitBroken
        : setup.Settings.Enforce && !(ShareMet && P99Met) ? ExitTargetMissed
        : ExitOk;

    public async Task WriteAsync(TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var s = setup.Settings;
        await o.WriteLineAsync("AlertEngine ingest benchmark");
        await o.WriteLineAsync($"machine : {setup.Machine}");
        await o.WriteLineAsync($"logging : engine {setup.EngineLogLevel}, bare {setup.BareLogLevel} (lowest level of the request, intake and pipeline categories; per-request logs off)");
        await o.WriteLineAsync($"engine  : SQLite WAL in a temp file, every 2xx after an fsync of the log that covers its commit; group commit of up to {Text.Count(setup.Ingest.WriteBatchSize)} events "
            + $"(Ingest:WriteBatchSize), queue {Text.Count(setup.Ingest.QueueCapacity)} (Ingest:QueueCapacity); pipeline running alongside, batches of {Text.Count(setup.Pipeline.BatchSize)}");
        await o.WriteLineAsync($"load    : one HttpClient in this process on the same cores, loopback HTTP/1.1, {Text.Count(setup.BodyBytes)}-byte bodies with unique event ids; "
            + $"warm-up {Text.Duration(s.Warmup)}, measure {Text.Duration(s.Duration)}, at most {Text.Count(s.MaxEvents)} requests per run");
        await o.WriteLineAsync();
        await WriteTableAsync(o);
        await o.WriteLineAsync();
        foreach (var concurrency in s.Concurrency)
        {
            await o.WriteLineAsync($"engine/bare at c={concurrency}: {Text.Percent(Share(concurrency) ?? double.NaN)}");
        }

        await o.WriteLineAsync($"engine p99 at c={C}: {(TargetsEvaluated ? Text.Ms(EngineP99(C) ?? double.NaN) + " ms" : "not run")}");
        await o.WriteLineAsync();
        await WriteDetailsAsync(o);
        await o.WriteLineAsync($"stored  : {StoredLine}");
        await o.WriteLineAsync($"          after the engine stopped: {Text.Count(counts.Unprocessed)} not yet processed by the pipeline, {Text.Count(counts.Poisoned)} set aside as poisoned");
        await o.WriteLineAsync();
        await WriteVerdictAsync(o);
    }

    private async Task WriteTableAsync(TextWriter o)
    {
        // Text left, numbers right; the last column (errors) is free text.
        var rows = results.Select(r => new[] { r.Target, r.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), Text.Rate(r.RequestsPerSecond), Text.Ms(r.P50Ms), Text.Ms(r.P99Ms), r.ErrorCell }).ToList();
        await TextTable.WriteAsync(o, ["target", "concurrency", "requests/s", "p50 ms", "p99 ms", "errors"], rows, rightAligned: [1, 2, 3, 4]);
    }

    private async Task WriteDetailsAsync(TextWriter o)
    {
        foreach (var r in results)
        {
            var pipeline = r.Pipeline is not { } p ? ""
                : p.Backlog == 0 ? "; pipeline kept up (no backlog after the run)"
                : $"; pipeline backlog {Text.Count(p.Backlog)} after the run, processed alone in {Text.Seconds(p.Elapsed)}{p.RateNote}"
                  + (p.Left > 0 ? $", {Text.Count(p.Left)} left" : "");
            await o.WriteLineAsync($"{r.Target} c={r.Concurrency}: {Text.Count(r.Measured.Success)} measured 2xx in {Text.Seconds(r.Elapsed)}, "
                + $"max {Text.Ms(r.Latency.MaxMicroseconds / 1000.0)} ms; {r.Usage}{pipeline}{(r.Writer is { } w ? $"; {w}" : "")}");
        }

        foreach (var r in results.Where(r => r.Warmup.Errors > 0))
        {
            await o.WriteLineAsync($"{r.Target} c={r.Concurrency}: also {Text.Count(r.Warmup.Errors)} errors while warming up "
                + $"(busy {Text.Count(r.Warmup.Busy)}, other non-2xx {Text.Count(r.Warmup.Unexpected)}, no answer {Text.Count(r.Warmup.Failed + r.Warmup.TimedOut)})");
        }

        if (Disturbance is { } others && others >= DisturbedShare)
        {
            await o.WriteLineAsync($"DISTURBED: other processes used up to {Text.Percent(others)} of the machine's CPU while measuring; "
                + "the figures (bare and engine alike) understate this machine: run again when it is idle");
        }

        if (Unexpected > 0)
        {
            await o.WriteLineAsync($"BROKEN  : {Text.Count(Unexpected)} answers were neither 2xx nor 503 busy (see the errors column): the benchmark's requests or the engine are wrong");
        }

        foreach (var r in Empty)
        {
            await o.WriteLineAsync($"BROKEN  : {r.Target} c={r.Concurrency} answered no request with 2xx while measuring");
        }
    }

    private async Task WriteVerdictAsync(TextWriter o)
    {
        if (!TargetsEvaluated)
        {
            await o.WriteLineAsync($"targets : NOT EVALUATED (they are judged at concurrency {C}, which was not run)");
        }
        else
        {
            await o.WriteLineAsync($"target  : engine ≥ {Text.Percent(IngestBenchSettings.MinEngineShare)} of bare at c={C}: {(ShareMet ? "PASS" : "FAIL")} ({Text.Percent(Share(C) ?? double.NaN)})");
            await o.WriteLineAsync($"target  : engine p99 < {Text.Ms(IngestBenchSettings.MaxEngineP99Ms)} ms at c={C}: {(P99Met ? "PASS" : "FAIL")} ({Text.Ms(EngineP99(C) ?? double.NaN)} ms)");
            await o.WriteLineAsync($"targets : {(ShareMet && P99Met ? "PASS" : "FAIL")}{(setup.Settings.Enforce ? " (--enforce)" : "")}");
        }

        await o.WriteLineAsync($"events  : {(AllStored ? "none lost" : "FAIL, " + StoredLine)}");
        await o.WriteLineAsync($"exit    : {ExitCode}");
    }

    private RunResult? Find(string target, int concurrency) => results.FirstOrDefault(r => r.Target == target && r.Concurrency == concurrency);
}
