using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Startup;

/// <summary><c>alertengine bench startup</c>: its options, and the settings they make.</summary>
internal sealed class StartupCommand
{
    private readonly Option<long?> _runs = BenchOptions.Count(
        "--runs", $"Pairs of starts (fresh database, then migrated). Default {StartupSettings.DefaultRuns}; {StartupSettings.QuickRuns} with --quick.", 1, StartupSettings.MaxRuns);

    private readonly Option<bool> _quick = BenchOptions.Quick($"Smoke test: {StartupSettings.QuickRuns} runs.");

    public Command Create() => BenchOptions.Wire(
        new Command(
            "startup",
            "Start the built engine (dotnet alertengine.dll) as a separate process on a fresh temp database and a free loopback port, "
            + "time it to a healthy GET /healthz, stop it, start it again on the migrated database; median of a few runs."),
        parse => [new StartupBenchmark(Read(parse))],
        _runs, _quick);

    public StartupSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = StartupSettings.Defaults(parse.GetValue(_quick));
        return defaults with { Runs = (int?)parse.GetValue(_runs) ?? defaults.Runs };
    }
}
