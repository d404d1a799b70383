using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench.Startup;

/// <summary>The startup report: median, fastest and slowest time to healthy on a fresh and on a migrated database.</summary>
internal sealed class StartupResult(MachineInfo machine, LogLevel logLevel, IReadOnlyList<StartupRun> runs) : IBenchResult
{
    public string Name => "startup";

    public int ExitCode => runs.Count > 0 ? BenchReport.ExitOk : BenchReport.ExitBroken;

    public LogLevel? EngineLogLevel => logLevel;

    public double FreshMedianMs => Stats.Median(runs.Select(r => r.Fresh.Healthy.TotalMilliseconds));

    public double MigratedMedianMs => Stats.Median(runs.Select(r => r.Migrated.Healthy.TotalMilliseconds));

    public IReadOnlyList<SummaryLine> Summary =>
    [
        SummaryLine.Figure("process start to healthy, fresh database (median)", Text.Ms(FreshMedianMs) + " ms"),
        SummaryLine.Figure("process start to healthy, migrated database (median)", Text.Ms(MigratedMedianMs) + " ms"),
        SummaryLine.Figure("RSS when healthy (median)", Text.Megabytes((long)Stats.Median(runs.Select(r => (double)r.Migrated.ResidentBytes)))),
    ];

    public object Details => new
    {
        engineLogLevel = logLevel,
        runs = runs.Count,
        freshMedianMs = BenchJson.Number(FreshMedianMs),
        migratedMedianMs = BenchJson.Number(MigratedMedianMs),
        stopMedianMs = BenchJson.Number(Stats.Median(runs.SelectMany(r => new[] { r.Fresh.Stopped, r.Migrated.Stopped }).Select(s => s.TotalMilliseconds))),
        starts = runs.Select(r => new
        {
            freshMs = BenchJson.Milliseconds(r.Fresh.Healthy),
            migratedMs = BenchJson.Milliseconds(r.Migrated.Healthy),
            freshStopMs = BenchJson.Milliseconds(r.Fresh.Stopped),
            migratedStopMs = BenchJson.Milliseconds(r.Migrated.Stopped),
            freshResidentBytes = r.Fresh.ResidentBytes,
            migratedResidentBytes = r.Migrated.ResidentBytes,
        }),
    };

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("AlertEngine startup benchmark");
        await output.WriteLineAsync($"machine : {machine}");
        await output.WriteLineAsync($"engine  : `dotnet {typeof(EngineApp).Assembly.GetName().Name}.dll` from this build's folder as a separate process, logging at {logLevel}, "
            + "free 127.0.0.1 port, webhook secret from the environment");
        await output.WriteLineAsync("measure : from starting the process to GET /healthz answering 200 (polled every 10 ms); stop is SIGTERM to exit");
        await output.WriteLineAsync();
        var rows = new List<string[]>
        {
            Row("healthy, fresh database (migrations run)", runs.Select(r => r.Fresh.Healthy)),
            Row("healthy, migrated database", runs.Select(r => r.Migrated.Healthy)),
            Row("stop (SIGTERM to exit)", runs.SelectMany(r => new[] { r.Fresh.Stopped, r.Migrated.Stopped })),
        };
        await TextTable.WriteAsync(output, ["start", "runs", "median ms", "min ms", "max ms"], rows, rightAligned: [1, 2, 3, 4]);
        await output.WriteLineAsync();
        foreach (var line in Summary.Skip(2))
        {
            await output.WriteLineAsync($"memory  : {line.Name}: {line.Measured}");
        }

        await output.WriteLineAsync($"exit    : {ExitCode}");
    }

    private static string[] Row(string name, IEnumerable<TimeSpan> spans)
    {
        var ms = spans.Select(s => s.TotalMilliseconds).ToList();
        return [name, Text.Count(ms.Count), Text.Ms(Stats.Median(ms)), Text.Ms(ms.DefaultIfEmpty(double.NaN).Min()), Text.Ms(ms.DefaultIfEmpty(double.NaN).Max())];
    }
}
