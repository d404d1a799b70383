namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>One pipeline stage's events and the time they took in it.</summary>
internal sealed record StageTime(string Stage, long Events, TimeSpan Total)
{
    public double MeanMs => Events == 0 ? 0 : Total.TotalMilliseconds / Events;
}

/// <summary>
/// Where the engine's processing time goes, stage by stage, read from its <c>/metrics</c>
/// (<c>alertengine_pipeline_stage_seconds</c>): between two readings, the mean time per event in
/// each stage, in the pipeline's order.
/// </summary>
internal sealed record EngineStageTimes(IReadOnlyList<StageTime> Stages)
{
    private const string Metric = "alertengine_pipeline_stage_seconds";

    /// <summary>The pipeline's stages in order; a stage not named here is listed after them.</summary>
    private static readonly string[] PipelineOrder = ["normalise", "classify", "correlate", "deadline", "page_plan"];

    /// <summary>Every stage's count and sum from Prometheus text; null when there is no text (the engine did not answer) or no stage in it.</summary>
    public static EngineStageTimes? Parse(string? metrics)
    {
        if (metrics is null)
        {
            return null;
        }

        var values = EngineMetricsText.Values(metrics);
        const string CountPrefix = Metric + "_count{stage=\"";
        var stages = values
            .Where(v => v.Key.StartsWith(CountPrefix, StringComparison.Ordinal) && v.Key.EndsWith("\"}", StringComparison.Ordinal))
            .Select(v => (Stage: v.Key[CountPrefix.Length..^2], Count: (long)v.Value))
            .Select(c => new StageTime(c.Stage, c.Count, TimeSpan.FromSeconds(values.GetValueOrDefault($"{Metric}_sum{{stage=\"{c.Stage}\"}}"))))
            .OrderBy(s => Array.IndexOf(PipelineOrder, s.Stage) is var i and >= 0 ? i : PipelineOrder.Length)
            .ThenBy(s => s.Stage, StringComparer.Ordinal)
            .ToList();
        return stages.Count == 0 ? null : new EngineStageTimes(stages);
    }

    /// <summary>What the stages did between two readings; null when either is missing.</summary>
    public static EngineStageTimes? Between(EngineStageTimes? before, EngineStageTimes? after) =>
        before is null || after is null ? null : new(
            [.. after.Stages.Select(a => before.Stages.FirstOrDefault(b => b.Stage == a.Stage) is { } b ? a with { Events = a.Events - b.Events, Total = a.Total - b.Total } : a)]);

    /// <summary>The stages' mean time per event, e.g. "normalise 0.061, classify 0.083 … ms".</summary>
    public override string ToString() =>
        string.Join(", ", Stages.Select(s => $"{s.Stage} {s.MeanMs.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}")) + " ms";
}
