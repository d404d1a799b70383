using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Memory;

/// <summary><c>alertengine bench memory</c>: its options, and the settings they make.</summary>
internal sealed class MemoryCommand
{
    private readonly Option<long?> _events = BenchOptions.Count(
        "--events", $"Unique events to post and have processed. Default {Text.Count(MemorySettings.DefaultEvents)}; {Text.Count(MemorySettings.QuickEvents)} with --quick.", 1, MemorySettings.MaxEvents);

    private readonly Option<long?> _concurrency = BenchOptions.Count(
        "--concurrency", $"Requests in flight while posting. Default {IngestBenchSettings.TargetConcurrency}.", 1, 4096);

    private readonly Option<TimeSpan?> _maxTime = BenchOptions.Duration(
        "--max-time", $"Longest posting and processing may take together (e.g. 10m). Default {Text.Duration(MemorySettings.DefaultMaxTime)}; {Text.Duration(MemorySettings.QuickMaxTime)} with --quick.",
        allowZero: false, TimeSpan.FromHours(6));

    private readonly Option<bool> _quick = BenchOptions.Quick($"Smoke test: {Text.Count(MemorySettings.QuickEvents)} events (an explicit --events wins).");
    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    public Command Create() => BenchOptions.Wire(
        new Command(
            "memory",
            "Start the built engine as a separate process; read its memory (RSS, peak, anonymous) at rest, after posting N unique events "
            + "and after processing them (/healthz backlog 0); check every 2xx was stored."),
        parse => [new MemoryBenchmark(Read(parse))],
        _events, _concurrency, _maxTime, _quick, _enforce);

    public MemorySettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = MemorySettings.Defaults(parse.GetValue(_quick), parse.GetValue(_enforce));
        return defaults with
        {
            Events = parse.GetValue(_events) ?? defaults.Events,
            Concurrency = (int?)parse.GetValue(_concurrency) ?? defaults.Concurrency,
            MaxTime = parse.GetValue(_maxTime) ?? defaults.MaxTime,
        };
    }
}
