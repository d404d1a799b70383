using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>
/// The JSON file every <c>bench</c> run writes: where and how it was measured (machine, build,
/// commit, log level) and each benchmark's summary lines and details, so that runs can be
/// compared and the README's Performance section updated from the latest one.
/// </summary>
/// <param name="Schema">Bumped when a field changes meaning or goes away.</param>
/// <param name="Command">The arguments, e.g. <c>bench all --quick</c>.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="FinishedAt">When the last benchmark ended (UTC).</param>
/// <param name="Machine">Processors, memory, OS, runtime, GC mode, build configuration and commit.</param>
/// <param name="LogLevel">The lowest level the engines logged at (per-request logs off is Warning).</param>
/// <param name="ExitCode">The command's exit code.</param>
/// <param name="Benchmarks">Each benchmark run, in order.</param>
internal sealed record BenchResultsDocument(
    int Schema,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    MachineInfo Machine,
    LogLevel LogLevel,
    int ExitCode,
    IReadOnlyList<BenchmarkSection> Benchmarks)
{
    public const int CurrentSchema = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary><c>bench-results/bench-20261125T093000Z.json</c> under the current directory.</summary>
    public static string DefaultPath(DateTimeOffset startedAt) =>
        Path.Combine("bench-results", $"bench-{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");

    public static BenchResultsDocument Create(string command, DateTimeOffset startedAt, DateTimeOffset finishedAt, MachineInfo machine, IReadOnlyList<IBenchResult> results, int exitCode) => new(
        CurrentSchema,
        command,
        startedAt,
        finishedAt,
        machine,
        results.Select(r => r.EngineLogLevel).OfType<LogLevel>().DefaultIfEmpty(BenchHosting.Level).Min(),
        exitCode,
        [.. results.Select(r => new BenchmarkSection(r.Name, r.ExitCode, r.Summary, r.Details))]);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, ToJson() + "\n", cancellationToken);
    }
}

/// <summary>One benchmark in the JSON file; <paramref name="Details"/> is written with its own (run-time) shape.</summary>
internal sealed record BenchmarkSection(string Name, int ExitCode, IReadOnlyList<SummaryLine> Summary, object Details);
