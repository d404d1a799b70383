using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Memory;

/// <summary>The memory report: the engine process's memory at rest, after posting and after processing; the rates; the stored check.</summary>
internal sealed class MemoryResult(
    MachineInfo machine,
    MemorySettings settings,
    LogLevel logLevel,
    MemoryReadings memory,
    MemoryPosting posting,
    PipelineDrain drain,
    TimeSpan processedIn,
    HealthTally health,
    InboxCounts counts) : IBenchResult
{
    public string Name => "memory";

    private RunResult Run => posting.Run;

    /// <summary>The run did all it was asked: every event posted and processed in time.</summary>
    public bool Complete => posting.Complete && drain.Left == 0;

    public StoredCheck Stored => new(Run.Answered2xx, Run.Measured.Failed + Run.Measured.TimedOut, counts.Stored);

    public long PeakResidentBytes => memory.AfterProcessing.PeakResidentBytes;

    public bool PeakMet => PeakResidentBytes < EngineTargets.MaxResidentBytes;

    /// <summary>Events processed per second, from the first post to an empty backlog.</summary>
    public double ProcessedPerSecond => processedIn > TimeSpan.Zero ? (Run.Answered2xx - drain.Left) / processedIn.TotalSeconds : double.NaN;

    public int ExitCode =>
        !Complete || !Stored.Ok || Run.Measured.Unexpected > 0 || Run.Measured.Success == 0 ? BenchReport.ExitBroken
        : settings.Enforce && !PeakMet ? BenchReport.ExitTargetMissed
        : BenchReport.ExitOk;

    public LogLevel? EngineLogLevel => logLevel;

    public IReadOnlyList<SummaryLine> Summary =>
    [
        SummaryLine.Figure("RSS at rest after start", Text.Megabytes(memory.AtRest.ResidentBytes)),
        SummaryLine.Figure($"RSS after {Text.Count(Run.Answered2xx)} events processed", Text.Megabytes(memory.AfterProcessing.ResidentBytes)),
        SummaryLine.Figure("posted (2xx/s)", Text.Rate(Run.RequestsPerSecond)),
        SummaryLine.Figure("processed (events/s, first post to backlog 0)", Text.Rate(ProcessedPerSecond)),
        new("engine peak RSS", $"< {Text.Megabytes(EngineTargets.MaxResidentBytes)}", Text.Megabytes(PeakResidentBytes), PeakMet),
        Stored.Summary,
        new("ran to the end", $"{Text.Count(settings.Events)} events processed", Complete ? "yes" : $"no: {Text.Count(Run.Answered2xx - drain.Left)} processed", Complete),
    ];

    public object Details => new
    {
        engineLogLevel = logLevel,
        events = settings.Events,
        concurrency = settings.Concurrency,
        complete = Complete,
        atRest = Readings(memory.AtRest),
        afterPosting = Readings(memory.AfterPosting),
        afterProcessing = Readings(memory.AfterProcessing),
        gcHeapBytes = (long?)null,
        gcHeapNote = "not visible from outside the engine process; /healthz does not report it",
        unhealthyAnswers = health.Count,
        lastUnhealthyReason = health.LastError,
        posting = new { answered2xx = Run.Answered2xx, seconds = BenchJson.Seconds(Run.Elapsed), perSecond = BenchJson.Number(Run.RequestsPerSecond), p50Ms = BenchJson.Number(Run.P50Ms), p99Ms = BenchJson.Number(Run.P99Ms), errors = Run.Measured.Errors },
        processing = new { backlogAfterPosting = drain.Backlog, drainSeconds = BenchJson.Seconds(drain.Elapsed), left = drain.Left, totalSeconds = BenchJson.Seconds(processedIn), perSecond = BenchJson.Number(ProcessedPerSecond) },
        stored = new { answered2xx = Stored.Answered2xx, stored = counts.Stored, unprocessed = counts.Unprocessed, poisoned = counts.Poisoned, ok = Stored.Ok },
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("AlertEngine memory benchmark");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync($"engine  : `dotnet {typeof(EngineApp).Assembly.GetName().Name}.dll` as a separate process, logging at {logLevel}, fresh temp database");
        await output.WriteLineAsync($"load    : {Text.Count(settings.Events)} unique events, {settings.Concurrency} in flight, from this process on the same cores; "
            + "then wait until /healthz reports an inbox backlog of 0");
        await output.WriteLineAsync("measure : /proc/<pid>/status of the engine: VmRSS (RSS), VmHWM (peak), RssAnon (anonymous: GC heap, native heap, stacks); "
            + "the GC heap alone is not visible from outside the engine");
        await output.WriteLineAsync();
        var rows = new List<string[]>
        {
            Row("at rest after start", 0, memory.AtRest),
            Row("after posting", Run.Answered2xx, memory.AfterPosting),
            Row("after processing (backlog 0)", Run.Answered2xx - drain.Left, memory.AfterProcessing),
        };
        await TextTable.WriteAsync(output, ["moment", "events", "RSS", "peak RSS", "anonymous"], rows, rightAligned: [1, 2, 3, 4]);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"posting : {Text.Count(Run.Answered2xx)} answered 2xx in {Text.Seconds(Run.Elapsed)} = {Text.Rate(Run.RequestsPerSecond)} ev/s; "
            + $"p50 {Text.Ms(Run.P50Ms)} ms, p99 {Text.Ms(Run.P99Ms)} ms; errors {Run.ErrorCell}");
        await output.WriteLineAsync($"pipeline: backlog {Text.Count(drain.Backlog)} when posting ended, "
            + (drain.Left > 0 ? $"{Text.Count(drain.Left)} still unprocessed when time ran out" : $"processed in {Text.Seconds(drain.Elapsed)}{drain.RateNote}")
            + $"; first post to backlog 0: {Text.Seconds(processedIn)} (≈ {Text.Rate(ProcessedPerSecond)} ev/s)");
        if (health.Count > 0)
        {
            await output.WriteLineAsync($"health  : {health}");
        }

        await output.WriteLineAsync($"stored  : {Stored.Line}");
        await output.WriteLineAsync($"          after the engine stopped: {Text.Count(counts.Unprocessed)} not yet processed, {Text.Count(counts.Poisoned)} set aside as poisoned");
        if (!Complete)
        {
            await output.WriteLineAsync($"INCOMPLETE: the run stopped at its time limit ({Text.Duration(settings.MaxTime)}); the figures cover what was done");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"target  : engine peak RSS < {Text.Megabytes(EngineTargets.MaxResidentBytes)}: {(PeakMet ? "PASS" : "FAIL")} ({Text.Megabytes(PeakResidentBytes)})");
        await output.WriteLineAsync($"events  : {(Stored.Ok ? "none lost" : "FAIL, " + Stored.Line)}");
        await output.WriteLineAsync($"exit    : {ExitCode}");
    }

    private static string[] Row(string moment, long events, ProcessMemory m) =>
        [moment, Text.Count(events), Text.Megabytes(m.ResidentBytes), Text.Megabytes(m.PeakResidentBytes), m.AnonymousBytes is { } a ? Text.Megabytes(a) : "-"];

    private static object Readings(ProcessMemory m) => new { residentBytes = m.ResidentBytes, peakResidentBytes = m.PeakResidentBytes, anonymousBytes = m.AnonymousBytes, fileBytes = m.FileBytes, sharedBytes = m.SharedBytes };
}
