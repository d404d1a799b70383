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

    /// <summary>
    /// During a storm (webhook requests overlapping: intake stored several events at once within
    /// the last 0.1 s) the runner works in turns of at most this long so that intake keeps its
    /// speed. Working off a backlog, it holds the write lock at most this long once intake or an
    /// urgent writer (the page sender with an L1 page) waits. Most severe events go first. Default 00:00:00.002, between
    /// 00:00:00.001 and 00:00:01.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01", ErrorMessage = "Pipeline:StormSlice must be between 00:00:00.001 and 00:00:01")]
    public TimeSpan StormSlice { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// During a storm, the rest between the runner's turns; after the storm the backlog is worked
    /// off at full speed. Default 00:00:00.050, between 00:00:00 and 00:00:05.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "Pipeline:StormPause must be between 00:00:00 and 00:00:05")]
    public TimeSpan StormPause { get; set; } = TimeSpan.FromMilliseconds(50);
}
