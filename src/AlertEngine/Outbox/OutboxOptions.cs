using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Outbox;

/// <summary>How the outbox sender sends and retries outgoing calls (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How often the sender looks for due rows when no doorbell rang (a commit that adds rows
    /// rings it at once; retries fall due on this beat). Default 00:00:05, between 00:00:00.100 and 00:05:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Outbox:PollInterval must be between 00:00:00.100 and 00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a call is started before a retryable failure gives up and the row fails.
    /// Default 10, between 1 and 100.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Outbox:MaxAttempts must be between 1 and 100")]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// The wait after the first retryable failure; it doubles after each further one, up to
    /// <see cref="MaxBackoff"/>. Default 00:00:10, between 00:00:01 and 01:00:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:RetryBackoff must be between 00:00:01 and 01:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts. Default 00:10:00, between 00:00:01 and 1.00:00:00; at least <see cref="RetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Outbox:MaxBackoff must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
}
