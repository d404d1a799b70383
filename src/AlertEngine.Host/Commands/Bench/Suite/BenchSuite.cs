using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>
/// Runs benchmarks in turn under one Ctrl+C/SIGTERM handler: prints each report as it ends (and a
/// summary table after several), writes the JSON file, and returns the combined exit code.
/// A benchmark that breaks is reported as broken and the next one still runs; Ctrl+C stops
/// everything, cleans up, reports nothing and exits 130 (143 after SIGTERM).
/// </summary>
internal static class BenchSuite
{
    public static async Task<int> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks,
        string? jsonPath,
        TextWriter output,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        using var signals = new TerminationSignals(cancellationToken);
        var startedAt = TimeProvider.System.GetUtcNow();
        try
        {
            var machine = await MachineInfo.ReadAsync(signals.Token);
            await progress.WriteLineAsync($"bench: {machine}");
            if (!string.Equals(machine.Build, "Release", StringComparison.OrdinalIgnoreCase))
            {
                await progress.WriteLineAsync($"bench: warning: this is a {machine.Build} build; figures are only meaningful with -c Release.");
            }

            var results = new List<IBenchResult>();
            foreach (var benchmark in benchmarks)
            {
                if (results.Count > 0)
                {
                    await output.WriteLineAsync();
                }

                var result = await RunOneAsync(benchmark, machine, progress, signals.Token);
                results.Add(result);
                await result.WriteAsync(output);
            }

            var exitCode = CombineExitCodes(results.Select(r => r.ExitCode));
            if (results.Count > 1)
            {
                await output.WriteLineAsync();
                await BenchSummary.WriteAsync(output, results, exitCode);
            }

            return await WriteJsonAsync(jsonPath, startedAt, machine, results, exitCode, progress, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            await progress.WriteLineAsync("bench: cancelled; nothing was reported.");
            return signals.ExitCode;
        }
    }

    /// <summary>Events lost or a benchmark broken (1) outranks a missed target (3), which outranks success (0).</summary>
    public static int CombineExitCodes(IEnumerable<int> exitCodes)
    {
        var codes = exitCodes.ToList();
        return codes.Contains(BenchReport.ExitBroken) ? BenchReport.ExitBroken
            : codes.Contains(BenchReport.ExitTargetMissed) ? BenchReport.ExitTargetMissed
            : codes.FirstOrDefault(c => c != BenchReport.ExitOk, BenchReport.ExitOk);
    }

    private static async Task<IBenchResult> RunOneAsync(IBenchmark benchmark, MachineInfo machine, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            return await benchmark.RunAsync(machine, progress, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await progress.WriteLineAsync("bench: the engine cannot start, the configuration is invalid:");
            foreach (var failure in ex.Failures)
            {
                await progress.WriteLineAsync($"  - {failure}");
            }

            return new BrokenResult(benchmark.Name, "the engine cannot start, the configuration is invalid: " + string.Join("; ", ex.Failures));
        }
        catch (BenchFailedException ex)
        {
            await progress.WriteLineAsync($"bench: {benchmark.Name}: FAILED: {ex.Message}");
            return new BrokenResult(benchmark.Name, ex.Message);
        }
    }

    private static async Task<int> WriteJsonAsync(
        string? jsonPath, DateTimeOffset startedAt, MachineInfo machine, IReadOnlyList<IBenchResult> results, int exitCode, TextWriter progress, CancellationToken cancellationToken)
    {
        var path = jsonPath ?? BenchResultsDocument.DefaultPath(startedAt);
        var command = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var document = BenchResultsDocument.Create(command, startedAt, TimeProvider.System.GetUtcNow(), machine, results, exitCode);
        try
        {
            await document.WriteAsync(path, cancellationToken);
            await progress.WriteLineAsync($"bench: results written to {path}");
            return exitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await progress.WriteLineAsync($"bench: FAILED to write the results to {path}: {ex.Message}");
            return CombineExitCodes([exitCode, BenchReport.ExitBroken]);
        }
    }
}
