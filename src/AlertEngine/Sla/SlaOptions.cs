using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Sla;

/// <summary>The SLA watcher (section <c>Sla</c>). The SLA table and the business calendar are in the rules folder.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>How often the watcher looks for passed deadlines (and tickets still without deadlines). Default 15 s; 1 s to 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(15);
}
