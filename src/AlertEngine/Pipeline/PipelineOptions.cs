using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Pipeline;

/// <summary>How the runner drains the inbox (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// How often the runner looks at the inbox when no doorbell rang (new events ring it at
    /// once). Default 00:00:05, between 00:00:00.100 and 00:05:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Pipeline:PollInterval must be between 00:00:00.100 and 00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most events processed in one transaction. Default 256.</summary>
    [Range(1, 10_000, ErrorMessage = "Pipeline:BatchSize must be between 1 and 10000")]
    public int BatchSize { get; set; } = 256;
}
