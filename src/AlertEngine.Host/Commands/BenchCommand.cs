using System.CommandLine;

namespace AlertEngine.Host.Commands;

/// <summary>`alertengine bench ingest`: see IngestBenchmark.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure the engine on this machine.");
        return bench;
    }
}
