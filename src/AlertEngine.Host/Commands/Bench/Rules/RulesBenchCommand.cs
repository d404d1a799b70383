using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary><c>alertengine bench rules</c>: its options, and the settings they make.</summary>
internal sealed class RulesBenchCommand
{
    private readonly Option<TimeSpan?> _warmup = BenchOptions.Duration(
        "--warmup", $"Warm-up before each measurement (5s, 500ms, 00:00:05). Default {Text.Duration(RulesSettings.DefaultWarmup)}; {Text.Duration(RulesSettings.QuickWarmup)} with --quick.",
        allowZero: true, TimeSpan.FromHours(1));

    private readonly Option<TimeSpan?> _duration = BenchOptions.Duration(
        "--duration", $"Measurement per rule set (5s, 500ms, 1m). Default {Text.Duration(RulesSettings.DefaultDuration)}; {Text.Duration(RulesSettings.QuickDuration)} with --quick.",
        allowZero: false, TimeSpan.FromHours(1));

    private readonly Option<long?> _maxEvents = BenchOptions.Count(
        "--max-events", $"Most events classified per measurement; it ends at --duration or this count, whichever comes first. Default {Text.Count(RulesSettings.DefaultMaxEvents)}.",
        1, RulesSettings.DefaultMaxEvents);

    private readonly Option<bool> _quick = BenchOptions.Quick(
        $"Smoke test: warm-up {Text.Duration(RulesSettings.QuickWarmup)} and measure {Text.Duration(RulesSettings.QuickDuration)} per set (an explicit --warmup or --duration wins).");

    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    public Command Create() => BenchOptions.Wire(
        new Command(
            "rules",
            "Classify a realistic mix of Zabbix events on one thread with the shipped rules, then with a generated 1,000-rule set whose "
            + "matching rule is near the end; print events/s, ns/event and bytes allocated per event against the targets, and the 1,000 rules' load time."),
        parse => [new RulesBenchmark(Read(parse))],
        _warmup, _duration, _maxEvents, _quick, _enforce);

    public RulesSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = RulesSettings.Defaults(parse.GetValue(_quick), parse.GetValue(_enforce));
        return defaults with
        {
            Warmup = parse.GetValue(_warmup) ?? defaults.Warmup,
            Duration = parse.GetValue(_duration) ?? defaults.Duration,
            MaxEvents = parse.GetValue(_maxEvents) ?? defaults.MaxEvents,
        };
    }
}
