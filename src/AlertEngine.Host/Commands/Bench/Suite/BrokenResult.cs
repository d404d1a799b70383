namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>A benchmark that could not do its work: reported with the reason, exit code 1.</summary>
internal sealed record BrokenResult(string Name, string Reason) : IBenchResult
{
    public int ExitCode => BenchReport.ExitBroken;

    public LogLevel? EngineLogLevel => null;

    public IReadOnlyList<SummaryLine> Summary => [new SummaryLine("ran to the end", "yes", "no: " + FirstLine, false)];

    public object Details => new { error = Reason };

    private string FirstLine => Reason.Split('\n')[0].TrimEnd();

    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"AlertEngine {Name} benchmark");
        await output.WriteLineAsync($"BROKEN  : {Reason}");
        await output.WriteLineAsync($"exit    : {ExitCode}");
    }
}
