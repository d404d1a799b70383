using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary><c>alertengine bench storm</c>: its options, and the settings they make.</summary>
internal sealed class StormCommand
{
    private readonly Option<long?> _events = BenchOptions.Count(
        "--events", $"Deliveries in the storm, redeliveries included. Default {Text.Count(StormSettings.DefaultEvents)}; {Text.Count(StormSettings.QuickEvents)} with --quick.", 1, StormSettings.MaxEvents);

    private readonly Option<long?> _hosts = BenchOptions.Count(
        "--hosts", $"Hosts behind the failed switch. Default {Text.Count(StormSettings.DefaultHosts)}; {Text.Count(StormSettings.QuickHosts)} with --quick.", 1, StormSettings.MaxHosts);

    private readonly Option<long?> _concurrency = BenchOptions.Count(
        "--concurrency", $"Requests in flight while sending. Default {IngestBenchSettings.TargetConcurrency}.", 1, 4096);

    private readonly Option<long?> _seed = BenchOptions.Count(
        "--seed", $"Seed of the storm generator: the same seed and sizes give the same storm. Default {StormSettings.DefaultSeed}.", 0, int.MaxValue);

    private readonly Option<TimeSpan?> _maxTime = BenchOptions.Duration(
        "--max-time", $"Longest sending and processing may take together (e.g. 10m). Default {Text.Duration(StormSettings.DefaultMaxTime)}; 2m with --quick.",
        allowZero: false, TimeSpan.FromHours(2));

    private readonly Option<bool> _quick = BenchOptions.Quick(
        $"Smoke test: {Text.Count(StormSettings.QuickEvents)} events over {Text.Count(StormSettings.QuickHosts)} hosts (an explicit --events or --hosts wins).");

    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    public Command Create() => BenchOptions.Wire(
        new Command(
            "storm",
            "Start the built engine as a separate process and replay a storm into it: many hosts behind one failed switch, with problems, "
            + "acknowledgements, comments, recoveries, redeliveries and late problems. Wait until the inbox is drained, then check every "
            + "ticket against what the generator expects; print throughput, time to drain and peak memory against the targets."),
        parse => [new StormBenchmark(Read(parse))],
        _events, _hosts, _concurrency, _seed, _maxTime, _quick, _enforce);

    public StormSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = StormSettings.Defaults(parse.GetValue(_quick), parse.GetValue(_enforce));
        return defaults with
        {
            Events = parse.GetValue(_events) ?? defaults.Events,
            Hosts = (int?)parse.GetValue(_hosts) ?? defaults.Hosts,
            Concurrency = (int?)parse.GetValue(_concurrency) ?? defaults.Concurrency,
            Seed = (int?)parse.GetValue(_seed) ?? defaults.Seed,
            MaxTime = parse.GetValue(_maxTime) ?? defaults.MaxTime,
        };
    }
}
