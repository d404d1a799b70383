using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Watch;

/// <summary>The self-watch (section <c>Watch</c>): how often the engine checks it can still see every Zabbix server.</summary>
public sealed class WatchOptions
{
    public const string SectionName = "Watch";

    /// <summary>How often the blind-monitoring and dead-man checks run. Default 30 s; 1 s to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
