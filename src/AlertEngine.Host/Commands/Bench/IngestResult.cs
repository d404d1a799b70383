using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary><c>bench ingest</c>'s result for the suite: the report as printed before, its targets as summary lines, and its figures for the JSON.</summary>
internal sealed class IngestResult(BenchReport report) : IBenchResult
{
    private const int C = IngestBenchSettings.TargetConcurrency;

    public string Name => "ingest";

    public int ExitCode => report.ExitCode;

    public LogLevel? EngineLogLevel => report.Setup.EngineLogLevel;

    public IReadOnlyList<SummaryLine> Summary =>
    [
        SummaryLine.Figure($"engine requests/s at c={C}", Find("engine") is { } e ? Text.Rate(e.RequestsPerSecond) : "not run"),
        SummaryLine.Figure($"bare requests/s at c={C}", Find("bare") is { } b ? Text.Rate(b.RequestsPerSecond) : "not run"),
        new($"engine share of bare at c={C}", $"≥ {Text.Percent(IngestBenchSettings.MinEngineShare)}", Text.Percent(report.Share(C) ?? double.NaN), report.TargetsEvaluated ? report.ShareMet : null),
        new($"engine p99 at c={C}", $"< {Text.Ms(IngestBenchSettings.MaxEngineP99Ms)} ms", Text.Ms(report.EngineP99(C) ?? double.NaN) + " ms", report.TargetsEvaluated ? report.P99Met : null),
        report.Stored.Summary,
    ];

    public object Details => new IngestDetails(
        report.Setup.EngineLogLevel,
        report.Setup.BareLogLevel,
        report.Setup.Settings.Concurrency,
        BenchJson.Seconds(report.Setup.Settings.Warmup),
        BenchJson.Seconds(report.Setup.Settings.Duration),
        report.Setup.Settings.MaxEvents,
        report.Setup.BodyBytes,
        report.Setup.Ingest.WriteBatchSize,
        report.Setup.Ingest.QueueCapacity,
        report.Setup.Pipeline.BatchSize,
        [.. report.Results.Select(IngestRunDetails.From)],
        report.Stored.Answered2xx,
        report.Counts.Stored,
        report.Counts.Unprocessed,
        report.Counts.Poisoned,
        report.AllStored,
        BenchJson.Number(report.Share(C)),
        BenchJson.Number(report.EngineP99(C)),
        BenchJson.Number(report.Disturbance));

    public Task WriteAsync(TextWriter output) => report.WriteAsync(output);

    private RunResult? Find(string target) => report.Results.FirstOrDefault(r => r.Target == target && r.Concurrency == C);
}

/// <summary>The ingest benchmark in the JSON file.</summary>
internal sealed record IngestDetails(
    LogLevel EngineLogLevel,
    LogLevel BareLogLevel,
    int[] Concurrency,
    double WarmupSeconds,
    double DurationSeconds,
    long MaxEvents,
    int BodyBytes,
    int WriteBatchSize,
    int QueueCapacity,
    int PipelineBatchSize,
    IReadOnlyList<IngestRunDetails> Runs,
    long Answered2xx,
    long Stored,
    long Unprocessed,
    long Poisoned,
    bool AllStored,
    double? EngineShareOfBareAtTarget,
    double? EngineP99MsAtTarget,
    double? OtherProcessesCpuShare);

/// <summary>One target at one concurrency in the JSON file.</summary>
internal sealed record IngestRunDetails(
    string Target,
    int Concurrency,
    double? RequestsPerSecond,
    double? P50Ms,
    double? P99Ms,
    double? MaxMs,
    long Measured2xx,
    long Errors,
    long Busy,
    double ElapsedSeconds,
    long? PipelineBacklog,
    double? PipelineDrainSeconds,
    double? ProcessCpuShare,
    double? MachineCpuShare,
    long? WriterBatches,
    double? WriterEventsPerBatch,
    double? WriterMsPerBatch,
    double? WriterWritingShare,
    long? WriterLogSyncs,
    double? WriterMsPerLogSync)
{
    public static IngestRunDetails From(RunResult r) => new(
        r.Target,
        r.Concurrency,
        BenchJson.Number(r.RequestsPerSecond),
        BenchJson.Number(r.P50Ms),
        BenchJson.Number(r.P99Ms),
        BenchJson.Number(r.Latency.MaxMicroseconds / 1000.0),
        r.Measured.Success,
        r.Measured.Errors,
        r.Measured.Busy,
        BenchJson.Seconds(r.Elapsed),
        r.Pipeline?.Backlog,
        r.Pipeline is { } p ? BenchJson.Seconds(p.Elapsed) : null,
        BenchJson.Number(r.Usage?.ProcessShare),
        BenchJson.Number(r.Usage?.MachineShare),
        r.Writer?.Batches,
        BenchJson.Number(r.Writer?.EventsPerBatch),
        BenchJson.Number(r.Writer?.MsPerBatch),
        BenchJson.Number(r.Writer?.WritingShare),
        r.Writer?.LogSyncs,
        BenchJson.Number(r.Writer?.MsPerLogSync));
}
