using System.Diagnostics;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Bench.Suite;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>
/// <c>alertengine bench rules</c>: classification throughput on one core, in this process. Loads the
/// shipped rules (built into the engine) and a generated 1,000-rule set whose matching rule is near
/// the end (timing its load and compile), checks that the generated set decides every event by that
/// rule, then for each set warms up and classifies a fixed mix of events for a fixed time.
/// </summary>
internal sealed class RulesBenchmark(RulesSettings settings) : IBenchmark
{
    public string Name => "rules";

    public async Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var shipped = Loaded(RuleSetLoader.EmbeddedDefaults(), "the shipped rules");
        var (generated, loads) = LoadGenerated();
        await progress.WriteLineAsync($"rules: loaded and compiled {Text.Count(GeneratedRules.Count)} generated rules {loads.Count} times: "
            + string.Join(", ", loads.Select(l => Text.Ms(l.TotalMilliseconds) + " ms")));

        var events = RuleBenchEvents.Create();
        var mix = EventMix.Of(events, shipped);
        CheckDecidedNearTheEnd(generated, events);
        await progress.WriteLineAsync($"rules: {mix}");

        var sets = new List<RuleSetRun>();
        foreach (var (name, rules, target) in new[]
        {
            ("shipped rules", shipped, RulesSettings.ShippedTarget),
            ($"{Text.Count(GeneratedRules.Count)} generated rules", generated, RulesSettings.GeneratedTarget),
        })
        {
            await progress.WriteLineAsync($"rules: {name} ({Text.Count(rules.RuleCount)} rules): warm-up {Text.Duration(settings.Warmup)}, measure {Text.Duration(settings.Duration)} on one thread…");
            ClassifyRun.Measure(rules, events, settings.Warmup, settings.MaxEvents, cancellationToken);
            var measured = ClassifyRun.Measure(rules, events, settings.Duration, settings.MaxEvents, cancellationToken);
            sets.Add(new RuleSetRun(name, rules.RuleCount, target, measured));
            await progress.WriteLineAsync($"rules: {name}: {Text.Rate(measured.PerSecond)} events/s ({Text.Rate(measured.PerCpuSecond)} per CPU second), {Text.Ms(measured.NanosecondsPerEvent)} ns/event; {measured.Usage}");
        }

        return new RulesResult(machine, settings, mix, sets, loads);
    }

    /// <summary>Loads the generated set <see cref="RulesSettings.Loads"/> times, timing each load (YAML parse, validation, compile).</summary>
    private (RuleSet Rules, IReadOnlyList<TimeSpan> Loads) LoadGenerated()
    {
        var sources = GeneratedRules.Sources();
        var loads = new List<TimeSpan>();
        RuleSet? rules = null;
        for (var i = 0; i < settings.Loads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            rules = Loaded(sources, "the generated rules");
            loads.Add(Stopwatch.GetElapsedTime(started));
        }

        return (rules!, loads);
    }

    private static RuleSet Loaded(IReadOnlyList<RuleSource> sources, string what)
    {
        var load = RuleSetLoader.Load(sources);
        return load.Rules ?? throw new BenchFailedException($"{what} do not load: {string.Join("; ", load.Errors.Take(5))}");
    }

    /// <summary>The benchmark measures what it says only when every rule before the matching one is tried and rejected.</summary>
    private static void CheckDecidedNearTheEnd(RuleSet generated, IReadOnlyList<ZabbixEvent> events)
    {
        var expected = GeneratedRules.NameOf(GeneratedRules.MatchingRule);
        var other = events.Select(e => (Event: e, generated.Classify(e).Rule)).FirstOrDefault(d => d.Rule != expected);
        if (other.Event is not null)
        {
            throw new BenchFailedException($"the generated rules decide event {other.Event.EventId} on {other.Event.Host} by {other.Rule ?? "no rule"}, not by {expected}");
        }
    }
}

/// <summary>One rule set measured: its name, size, target (events/s) and the measurement.</summary>
internal sealed record RuleSetRun(string Name, int Rules, double Target, ClassifyMeasurement Measured)
{
    public bool TargetMet => Measured.PerSecond >= Target;
}
