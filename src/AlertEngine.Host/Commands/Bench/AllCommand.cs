using System.CommandLine;
using AlertEngine.Host.Commands.Bench.Memory;
using AlertEngine.Host.Commands.Bench.Overload;
using AlertEngine.Host.Commands.Bench.Paging;
using AlertEngine.Host.Commands.Bench.Rules;
using AlertEngine.Host.Commands.Bench.Startup;
using AlertEngine.Host.Commands.Bench.Storm;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// <c>alertengine bench</c> and <c>alertengine bench all</c>: every benchmark in turn with its
/// defaults (or its --quick settings), one report each, a summary table and one JSON file.
/// </summary>
internal sealed class AllCommand
{
    private readonly Option<bool> _quick = BenchOptions.Quick("Smoke test: every benchmark with its --quick settings (about three minutes).");
    private readonly Option<bool> _enforce = BenchOptions.Enforce();

    /// <summary>The benchmarks in the order they run: the short ones first (rules: in process, no server), the long memory run last.</summary>
    public static IReadOnlyList<IBenchmark> Benchmarks(bool quick, bool enforce) =>
    [
        new RulesBenchmark(RulesSettings.Defaults(quick, enforce)),
        new IngestBenchmark(IngestBenchSettings.Defaults(quick, enforce)),
        new StartupBenchmark(StartupSettings.Defaults(quick)),
        new OverloadBenchmark(OverloadSettings.Defaults(quick, enforce)),
        new StormBenchmark(StormSettings.Defaults(quick, enforce)),
        new PagingBenchmark(PagingSettings.Defaults(quick)),
        new MemoryBenchmark(MemorySettings.Defaults(quick, enforce)),
    ];

    /// <summary>Gives <paramref name="command"/> (bench itself, or bench all) the options and the action that runs every benchmark.</summary>
    public Command AddTo(Command command) =>
        BenchOptions.Wire(command, parse => Benchmarks(parse.GetValue(_quick), parse.GetValue(_enforce)), _quick, _enforce);
}
