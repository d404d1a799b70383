using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>The rules report: events/s, ns/event and bytes/event per rule set against the targets, and the 1,000 rules' load time.</summary>
internal sealed class RulesResult(MachineInfo machine, RulesSettings settings, EventMix mix, IReadOnlyList<RuleSetRun> sets, IReadOnlyList<TimeSpan> loads) : IBenchResult
{
    public string Name => "rules";

    public IReadOnlyList<RuleSetRun> Sets => sets;

    /// <summary>The first load of the generated set: YAML, validation, compiling, and the JIT of all of it.</summary>
    public double FirstLoadMs => loads.Count > 0 ? loads[0].TotalMilliseconds : double.NaN;

    /// <summary>The median of the later loads (all of them when there is only one): what a reload costs.</summary>
    public double WarmLoadMs => Stats.Median((loads.Count > 1 ? loads.Skip(1) : loads).Select(l => l.TotalMilliseconds));

    public bool TargetsMet => sets.All(s => s.TargetMet);

    /// <summary>The largest CPU share other processes took while measuring; null when the OS does not tell.</summary>
    public double? Disturbance => sets.Select(s => s.Measured.Usage.OthersShare).Where(x => x is not null).DefaultIfEmpty(null).Max();

    public int ExitCode =>
        sets.Count == 0 || sets.Any(s => s.Measured.Events == 0) ? BenchReport.ExitBroken
        : settings.Enforce && !TargetsMet ? BenchReport.ExitTargetMissed
        : BenchReport.ExitOk;

    /// <summary>Nothing logs while classifying.</summary>
    public LogLevel? EngineLogLevel => null;

    public IReadOnlyList<SummaryLine> Summary =>
    [
        .. sets.SelectMany(s => new[]
        {
            new SummaryLine($"{s.Name}: events/s on one core", $"≥ {Text.Rate(s.Target)}", Text.Rate(s.Measured.PerSecond), s.TargetMet),
            SummaryLine.Figure($"{s.Name}: events per CPU second", Text.Rate(s.Measured.PerCpuSecond)),
            SummaryLine.Figure($"{s.Name}: per event", $"{Text.Ms(s.Measured.NanosecondsPerEvent)} ns, {Text.Ms(s.Measured.BytesPerEvent)} B allocated"),
        }),
        SummaryLine.Figure($"load + compile {Text.Count(GeneratedRules.Count)} rules (first / median after)", $"{Text.Ms(FirstLoadMs)} / {Text.Ms(WarmLoadMs)} ms"),
    ];

    public object Details => new
    {
        warmupSeconds = BenchJson.Seconds(settings.Warmup),
        durationSeconds = BenchJson.Seconds(settings.Duration),
        events = new
        {
            count = mix.Events,
            perSeverity = mix.PerSeverity,
            customers = mix.Customers,
            serverHostShare = BenchJson.Number(mix.ServerHosts),
            customerTagShare = BenchJson.Number(mix.CustomerTags),
        },
        generated = new { rules = GeneratedRules.Count, matchingRule = GeneratedRules.MatchingRule, description = GeneratedRules.Description },
        loadMs = new { first = BenchJson.Number(FirstLoadMs), medianAfter = BenchJson.Number(WarmLoadMs), all = loads.Select(BenchJson.Milliseconds) },
        sets = sets.Select(s => new
        {
            name = s.Name,
            rules = s.Rules,
            classified = s.Measured.Events,
            seconds = BenchJson.Seconds(s.Measured.Elapsed),
            perSecond = BenchJson.Number(s.Measured.PerSecond),
            perCpuSecond = BenchJson.Number(s.Measured.PerCpuSecond),
            nanosecondsPerEvent = BenchJson.Number(s.Measured.NanosecondsPerEvent),
            bytesPerEvent = BenchJson.Number(s.Measured.BytesPerEvent),
            target = s.Target,
            targetMet = s.TargetMet,
            processCpuShare = BenchJson.Number(s.Measured.Usage.ProcessShare),
            othersCpuShare = BenchJson.Number(s.Measured.Usage.OthersShare),
            gc = new { gen0 = s.Measured.Usage.Gen0, gen1 = s.Measured.Usage.Gen1, gen2 = s.Measured.Usage.Gen2 },
        }),
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("AlertEngine rules benchmark");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync("measure : RuleSet.Classify on one thread of this process, the events in turn, for a fixed time after a warm-up "
            + $"({Text.Duration(settings.Warmup)} + {Text.Duration(settings.Duration)} per set); bytes from GC.GetAllocatedBytesForCurrentThread");
        await output.WriteLineAsync("          events/s is wall clock and judged against the targets; per CPU second divides by the CPU this process used "
            + "(what one core does alone, when other processes share the machine)");
        await output.WriteLineAsync($"events  : {mix}");
        await output.WriteLineAsync($"shipped : the rules built into the engine (rules/*.yaml): customer from a tag or the host name (continue), then the severity map");
        await output.WriteLineAsync($"generated: {GeneratedRules.Description}");
        await output.WriteLineAsync($"load    : {Text.Count(GeneratedRules.Count)} generated rules loaded and compiled (YAML, validation, matchers) in {Text.Ms(FirstLoadMs)} ms the first time (with the JIT), "
            + $"{Text.Ms(WarmLoadMs)} ms after (median of {Math.Max(1, loads.Count - 1)})");
        await output.WriteLineAsync();
        var rows = sets.Select(s => new[]
        {
            s.Name, Text.Count(s.Rules), Text.Count(s.Measured.Events), Text.Rate(s.Measured.PerSecond), Text.Rate(s.Measured.PerCpuSecond), Text.Ms(s.Measured.NanosecondsPerEvent),
            Text.Ms(s.Measured.BytesPerEvent), "≥ " + Text.Rate(s.Target), s.TargetMet ? "PASS" : "FAIL",
        }).ToList();
        await TextTable.WriteAsync(output, ["rule set", "rules", "classified", "events/s", "per CPU second", "ns/event", "bytes/event", "target events/s", "verdict"], rows, rightAligned: [1, 2, 3, 4, 5, 6, 7]);
        await output.WriteLineAsync();
        foreach (var s in sets)
        {
            await output.WriteLineAsync($"{s.Name}: {Text.Count(s.Measured.Events)} classified in {Text.Seconds(s.Measured.Elapsed)}; {s.Measured.Usage}");
        }

        if (Disturbance is { } others && others >= BenchReport.DisturbedShare)
        {
            await output.WriteLineAsync($"DISTURBED: other processes used up to {Text.Percent(others)} of the machine's CPU while measuring; "
                + "the figures may understate this machine: run again when it is idle");
        }

        await output.WriteLineAsync();
        foreach (var s in sets)
        {
            await output.WriteLineAsync($"target  : {s.Name} ≥ {Text.Rate(s.Target)} events/s on one core: {(s.TargetMet ? "PASS" : "FAIL")} ({Text.Rate(s.Measured.PerSecond)})");
        }

        await output.WriteLineAsync($"targets : {(TargetsMet ? "PASS" : "FAIL")}{(settings.Enforce ? " (--enforce)" : "")}");
        await output.WriteLineAsync($"exit    : {ExitCode}");
    }
}
