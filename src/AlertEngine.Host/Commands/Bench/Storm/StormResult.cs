using AlertEngine.Host.Commands.Bench.OutOfProcess;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>The storm report: what was sent and answered, when the inbox was empty, the engine's memory and CPU, and the ticket check.</summary>
internal sealed class StormResult(
    MachineInfo machine,
    StormSettings settings,
    LogLevel logLevel,
    StormPlan plan,
    StormSending sending,
    StormDrain drain,
    StormMemory memory,
    StormResources resources,
    StormVerdict verdict,
    HealthTally health) : IBenchResult
{
    private readonly StormExpectation _expected = plan.Expected();

    public string Name => "storm";

    public StormVerdict Verdict => verdict;

    public bool Complete => sending.Complete && drain.Drained;

    public bool DrainMet => drain.DrainedAfter is { } after && after <= StormSettings.MaxProcessingTime;

    public bool PeakMet => memory.PeakResidentBytes < StormSettings.MaxResidentBytes;

    /// <summary>Distinct events processed per second, from the first event sent to an empty inbox.</summary>
    public double ProcessedPerSecond => drain.DrainedAfter is { } after && after > TimeSpan.Zero ? _expected.InboxRows / after.TotalSeconds : double.NaN;

    public int ExitCode =>
        !Complete || !verdict.Ok ? BenchReport.ExitBroken
        : settings.Enforce && !(DrainMet && PeakMet) ? BenchReport.ExitTargetMissed
        : BenchReport.ExitOk;

    public LogLevel? EngineLogLevel => logLevel;

    private StormTally Tally => sending.Tally;

    private string DrainCell => drain.DrainedAfter is { } after ? Text.Seconds(after) : "not drained";

    public IReadOnlyList<SummaryLine> Summary =>
    [
        SummaryLine.Figure("events sent (2xx answers)", Text.Count(Tally.Delivered)),
        SummaryLine.Figure("sent (events/s, first sent to last answered)", Text.Rate(sending.EventsPerSecond)),
        new("inbox drained after the first event", $"≤ {Text.Seconds(StormSettings.MaxProcessingTime)}", DrainCell, drain.Drained ? DrainMet : false),
        SummaryLine.Figure("processed (distinct events/s, first sent to drained)", Text.Rate(ProcessedPerSecond)),
        new("engine peak RSS", $"< {Text.Megabytes(StormSettings.MaxResidentBytes)}", Text.Megabytes(memory.PeakResidentBytes), PeakMet),
        new("tickets and inbox as the generator expects", "0 mismatches", verdict.Ok ? "0 mismatches" : $"{verdict.Mismatches} mismatches", verdict.Ok),
    ];

    public object Details => new
    {
        engineLogLevel = logLevel,
        seed = settings.Seed,
        events = plan.Events,
        hosts = plan.HostsUsed,
        customers = plan.Customers,
        concurrency = settings.Concurrency,
        complete = Complete,
        note = "every (server, trigger) key has one problem event: flapping and PROBLEM-ticket rules do not change the expected tickets",
        storm = new
        {
            triggers = _expected.AlertTickets,
            problems = _expected.Problems,
            updates = _expected.Updates,
            recoveries = _expected.Recoveries,
            redeliveries = _expected.Redeliveries,
            lateProblems = _expected.LateProblems,
            updateBeforeProblem = _expected.UpdateBeforeProblem,
            recoveryBeforeProblem = _expected.RecoveryBeforeProblem,
        },
        sending = new
        {
            seconds = BenchJson.Seconds(sending.Elapsed),
            perSecond = BenchJson.Number(sending.EventsPerSecond),
            accepted202 = Tally.Accepted,
            duplicate200 = Tally.Duplicates,
            busy503 = Tally.Busy,
            noAnswer = Tally.NoAnswer,
            rejected = Tally.Rejected,
            gaveUp = Tally.GaveUp,
            p50Ms = BenchJson.Number(Tally.Latency.PercentileMs(50)),
            p99Ms = BenchJson.Number(Tally.Latency.PercentileMs(99)),
            maxMs = BenchJson.Number(Tally.Latency.MaxMicroseconds / 1000.0),
        },
        processing = new
        {
            drainedSeconds = drain.DrainedAfter is { } after ? BenchJson.Seconds(after) : (double?)null,
            afterLastAnswerSeconds = drain.DrainedAfter is { } a ? BenchJson.Seconds(a - sending.Elapsed) : (double?)null,
            left = drain.Left,
            poisoned = drain.Poisoned,
            perSecond = BenchJson.Number(ProcessedPerSecond),
        },
        memory = new
        {
            atRestResidentBytes = memory.AtRest.ResidentBytes,
            afterStormResidentBytes = memory.AfterStorm.ResidentBytes,
            peakResidentBytes = memory.PeakResidentBytes,
            peakAnonymousBytes = memory.PeakAnonymousBytes,
        },
        cpu = new
        {
            engineShare = BenchJson.Number(resources.EngineShare),
            benchmarkShare = BenchJson.Number(resources.Usage.ProcessShare),
            machineShare = BenchJson.Number(resources.Usage.MachineShare),
            othersShare = BenchJson.Number(resources.OthersShare),
        },
        unhealthyAnswers = health.Count,
        check = verdict.Lines,
        mismatches = verdict.Examples,
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var e = _expected;
        await output.WriteLineAsync("AlertEngine storm benchmark (issue #5)");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync($"engine  : `dotnet {typeof(EngineApp).Assembly.GetName().Name}.dll` as a separate process on 127.0.0.1, logging at {logLevel}, fresh temp database");
        await output.WriteLineAsync($"storm   : seed {settings.Seed}: {Text.Count(plan.Events)} events on {Text.Count(e.AlertTickets)} triggers over {Text.Count(plan.HostsUsed)} hosts "
            + $"({Text.Count(plan.Customers)} customers) behind {StormGenerator.FailedDevice}");
        await output.WriteLineAsync($"          {Text.Count(e.Problems)} problems ({Text.Count(e.LateProblems)} sent late: {Text.Count(e.UpdateBeforeProblem)} after an update, "
            + $"{Text.Count(e.RecoveryBeforeProblem)} after their recovery), {Text.Count(e.Updates)} updates (acknowledgements and comments), "
            + $"{Text.Count(e.Recoveries)} recoveries, {Text.Count(e.Redeliveries)} redeliveries");
        await output.WriteLineAsync("          every (server, trigger) key has ONE problem event, so flapping and PROBLEM-ticket rules do not change the expected tickets");
        await output.WriteLineAsync($"send    : {settings.Concurrency} in flight from this process on the same cores, wave by wave (problems, updates, recoveries, late problems, redeliveries); "
            + $"503 sent again after its Retry-After, no answer after 1 s, up to {StormSender.MaxAttempts} attempts");
        await output.WriteLineAsync("measure : from the first event sent; /healthz for the inbox backlog every second, every 100 ms once under 1,000; engine memory from /proc/<pid>/status every 250 ms and its VmHWM");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"sent    : {Text.Count(Tally.Delivered)} answered 2xx in {Text.Seconds(sending.Elapsed)} = {Text.Rate(sending.EventsPerSecond)} ev/s: "
            + $"202 {Text.Count(Tally.Accepted)}, 200 duplicate {Text.Count(Tally.Duplicates)}; 503 busy {Text.Count(Tally.Busy)} and no answer {Text.Count(Tally.NoAnswer)} (sent again); "
            + $"2xx latency p50 {Text.Ms(Tally.Latency.PercentileMs(50))} ms, p99 {Text.Ms(Tally.Latency.PercentileMs(99))} ms, max {Text.Ms(Tally.Latency.MaxMicroseconds / 1000.0)} ms");
        await output.WriteLineAsync(drain.DrainedAfter is { } after
            ? $"drained : inbox empty {Text.Seconds(after)} after the first event ({Text.Seconds(after - sending.Elapsed)} after the last answer): "
              + $"{Text.Count(e.InboxRows)} distinct events ≈ {Text.Rate(ProcessedPerSecond)} ev/s"
            : $"drained : NO, {drain.Line} (--max-time {Text.Duration(settings.MaxTime)})");
        await output.WriteLineAsync($"memory  : engine at rest {Text.Megabytes(memory.AtRest.ResidentBytes)}, after the storm {Text.Megabytes(memory.AfterStorm.ResidentBytes)}, "
            + $"peak RSS {Text.Megabytes(memory.PeakResidentBytes)}" + (memory.PeakAnonymousBytes is { } anonymous ? $" (anonymous up to {Text.Megabytes(anonymous)})" : ""));
        await output.WriteLineAsync($"cpu     : engine {Text.Percent(resources.EngineShare)}, this benchmark {Text.Percent(resources.Usage.ProcessShare)}"
            + (resources.Usage.MachineShare is { } m ? $", whole machine {Text.Percent(m)}, other processes {Text.Percent(resources.OthersShare ?? double.NaN)}" : "")
            + $" (of {Environment.ProcessorCount} cores)");
        if (resources.OthersShare >= BenchReport.DisturbedShare)
        {
            await output.WriteLineAsync("DISTURBED: other processes took CPU from the engine while it was measured; the figures understate this machine");
        }

        if (health.Count > 0)
        {
            await output.WriteLineAsync($"health  : {health}");
        }

        await output.WriteLineAsync();
        var rows = verdict.Lines.Select(l => new[] { l.Name, Text.Count(l.Expected), Text.Count(l.Actual), l.Ok ? "ok" : "MISMATCH" }).ToList();
        await TextTable.WriteAsync(output, ["check", "expected", "engine", "verdict"], rows, rightAligned: [1, 2]);
        foreach (var example in verdict.Examples)
        {
            await output.WriteLineAsync($"  - {example}");
        }

        if (!sending.Complete)
        {
            await output.WriteLineAsync($"INCOMPLETE: sending stopped at --max-time {Text.Duration(settings.MaxTime)}; the figures cover what was done");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"target  : inbox drained ≤ {Text.Seconds(StormSettings.MaxProcessingTime)} after the first event: {(DrainMet ? "PASS" : "FAIL")} ({DrainCell})");
        await output.WriteLineAsync($"target  : engine peak RSS < {Text.Megabytes(StormSettings.MaxResidentBytes)}: {(PeakMet ? "PASS" : "FAIL")} ({Text.Megabytes(memory.PeakResidentBytes)})");
        await output.WriteLineAsync($"events  : {(verdict.Ok ? "every event accounted for, every ticket as expected" : $"FAIL, {verdict.Mismatches} checks do not match")}");
        await output.WriteLineAsync($"exit    : {ExitCode}");
    }
}
