using System.CommandLine;
using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Memory;
using AlertEngine.Host.Commands.Bench.Overload;
using AlertEngine.Host.Commands.Bench.Paging;
using AlertEngine.Host.Commands.Bench.Rules;
using AlertEngine.Host.Commands.Bench.Startup;
using AlertEngine.Host.Commands.Bench.Storm;

namespace AlertEngine.Host.Commands;

/// <summary>
/// <c>alertengine bench</c>: measures the engine on this machine. Without a subcommand (or with
/// <c>all</c>) it runs every benchmark in turn; <c>ingest</c>, <c>rules</c>, <c>startup</c>, <c>memory</c>,
/// <c>overload</c>, <c>storm</c> and <c>paging</c> run one. Every run prints a table and writes the results as JSON.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new AllCommand().AddTo(new Command(
            "bench",
            "Measure the engine on this machine. Without a subcommand it runs every benchmark in turn (as `bench all`); "
            + "each run prints a table and writes the results as JSON."));
        bench.Subcommands.Add(new AllCommand().AddTo(new Command("all", "Run every benchmark in turn: rules, ingest, startup, overload, storm, paging, memory.")));
        bench.Subcommands.Add(new IngestCommand().Create());
        bench.Subcommands.Add(new StartupCommand().Create());
        bench.Subcommands.Add(new MemoryCommand().Create());
        bench.Subcommands.Add(new OverloadCommand().Create());
        bench.Subcommands.Add(new RulesBenchCommand().Create());
        bench.Subcommands.Add(new StormCommand().Create());
        bench.Subcommands.Add(new PagingCommand().Create());
        return bench;
    }
}
