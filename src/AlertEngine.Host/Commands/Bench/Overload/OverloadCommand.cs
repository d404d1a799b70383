using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary><c>alertengine bench overload</c>: its options, and the settings they make.</summary>
internal sealed class OverloadCommand
{
    private readonly Option<long?> _rate = BenchOptions.Count(
        "--rate", $"Requests per second to offer. Default {OverloadSettings.Factor}× the capacity a short closed-loop run measures first.", 1, 1_000_000);

    private readonly Option<TimeSpan?> _warmup = BenchOptions.Duration(
        "--warmup", "Fixed-rate load before the measurement, not measured. Default 5s; 1s with --quick.", allowZero: true, TimeSpan.FromMinutes(10));

    private readonly Option<TimeSpan?> _duration = BenchOptions.Duration(
        "--duration", "Measured fixed-rate load. Default 10s; 3s with --quick.", allowZero: false, TimeSpan.FromMinutes(30));

    private readonly Option<long?> _maxInFlight = BenchOptions.Count(
        "--max-in-flight", $"Most requests in flight; one due beyond it is not sent (and counted). Default {Text.Count(OverloadSettings.DefaultMaxInFlight)}.", 1, OverloadSettings.MaxMaxInFlight);

    private readonly Option<long?> _queueCapacity = BenchOptions.Count(
        "--queue-capacity", "Ingest:QueueCapacity for the engine under load. Default: the configured one if the in-flight bound can fill it, else a smaller one (said in the report).",
        OverloadSettings.MinQueueCapacity, 1_000_000);

    private readonly Option<bool> _quick = BenchOptions.Quick("Smoke test: capacity 2s + 2s, then the fixed rate 1s + 3s (an explicit --warmup or --duration wins).");
    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    public Command Create() => BenchOptions.Wire(
        new Command(
            "overload",
            "Start the built engine as a separate process, measure its capacity in a closed loop, then offer a fixed rate (open loop, "
            + "default 1.5× the capacity): report accepted/s, 503s with Retry-After, p99 of the accepted, peak memory; check every 2xx was stored."),
        parse => [new OverloadBenchmark(Read(parse))],
        _rate, _warmup, _duration, _maxInFlight, _queueCapacity, _quick, _enforce);

    public OverloadSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = OverloadSettings.Defaults(parse.GetValue(_quick), parse.GetValue(_enforce));
        return defaults with
        {
            Rate = parse.GetValue(_rate),
            Warmup = parse.GetValue(_warmup) ?? defaults.Warmup,
            Duration = parse.GetValue(_duration) ?? defaults.Duration,
            MaxInFlight = (int?)parse.GetValue(_maxInFlight) ?? defaults.MaxInFlight,
            QueueCapacity = (int?)parse.GetValue(_queueCapacity),
        };
    }
}
