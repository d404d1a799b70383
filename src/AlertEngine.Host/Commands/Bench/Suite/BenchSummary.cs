namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>The table <c>bench all</c> ends with: every benchmark's headline figures and checks, one row each.</summary>
internal static class BenchSummary
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<IBenchResult> results, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        await output.WriteLineAsync("AlertEngine benchmarks: summary");
        var rows = results.SelectMany(r => r.Summary.Select(s => new[] { r.Name, s.Name, s.Goal ?? "", s.Measured, s.Verdict })).ToList();
        await TextTable.WriteAsync(output, ["benchmark", "measure", "target", "measured", "verdict"], rows, rightAligned: [3]);
        var missed = results.Sum(r => r.Summary.Count(s => s.Missed));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"targets : {(missed == 0 ? "no target missed" : $"{missed} missed")}; exit {exitCode}");
    }
}
