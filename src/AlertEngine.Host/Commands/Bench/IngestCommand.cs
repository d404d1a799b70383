using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench;

/// <summary><c>alertengine bench ingest</c>: its options, and the settings they make.</summary>
internal sealed class IngestCommand
{
    private readonly Option<int[]> _concurrency = new("--concurrency")
    {
        Description = "Requests in flight, comma-separated; each is run against the bare endpoint, then the engine.",
        DefaultValueFactory = _ => IngestBenchSettings.DefaultConcurrency,
        CustomParser = BenchOptions.ParseConcurrency,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<TimeSpan?> _warmup = BenchOptions.Duration(
        "--warmup", "Warm-up before each measurement (5s, 500ms, 1m or 00:00:05). Default 5s; 1s with --quick.", allowZero: true, TimeSpan.FromHours(1));

    private readonly Option<TimeSpan?> _duration = BenchOptions.Duration(
        "--duration", "Measurement per run (5s, 500ms, 1m or 00:00:10). Default 10s; 2s with --quick.", allowZero: false, TimeSpan.FromHours(1));

    private readonly Option<long?> _maxEvents = BenchOptions.Count(
        "--max-events", "Most requests measured per run; a run ends at --duration or this count, whichever comes first. Default 2,000,000.", 1, 1_000_000_000);

    private readonly Option<bool> _quick = BenchOptions.Quick("Smoke test: warm-up 1s and measure 2s (an explicit --warmup or --duration wins).");
    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    public Command Create() => BenchOptions.Wire(
        new Command(
            "ingest",
            "Run the engine and a bare ASP.NET endpoint in this process on free loopback ports, load both with unique "
            + "Zabbix events, print requests/s and latency per concurrency, and check that the engine stored every event it answered 2xx for."),
        parse => [new IngestBenchmark(Read(parse))],
        _concurrency, _warmup, _duration, _maxEvents, _quick, _enforce);

    public IngestBenchSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = IngestBenchSettings.Defaults(parse.GetValue(_quick), parse.GetValue(_enforce));
        return defaults with
        {
            Concurrency = parse.GetValue(_concurrency) ?? defaults.Concurrency,
            Warmup = parse.GetValue(_warmup) ?? defaults.Warmup,
            Duration = parse.GetValue(_duration) ?? defaults.Duration,
            MaxEvents = parse.GetValue(_maxEvents) ?? defaults.MaxEvents,
        };
    }
}
