using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Paging;

/// <summary>
/// Paging (section <c>Paging</c>): the address phones and Twilio reach the engine at, the one-tap
/// acknowledge links, and the per-person limits that keep a storm from burying an engineer. Who is
/// paged and when is in the rules folder (<c>oncall.yaml</c>, <c>escalation.yaml</c>).
/// </summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>
    /// The engine's address as Twilio and the engineers' phones see it (the reverse proxy's https
    /// URL in production): Twilio's callbacks and the one-tap links in SMS are built on it, and
    /// Twilio signs callbacks against it. Default <c>http://127.0.0.1:5080</c>.
    /// </summary>
    [Required(ErrorMessage = "Paging:PublicBaseUrl is required")]
    [Url(ErrorMessage = "Paging:PublicBaseUrl must be an absolute http or https URL")]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The key that signs one-tap acknowledge links (HMAC-SHA256), at least 32 characters; a secret:
    /// set it from the environment (<c>AlertEngine__Paging__LinkSecret</c>). When empty the engine
    /// makes a random key at start and says so in the log: links then stop working after a restart.
    /// </summary>
    public string? LinkSecret { get; set; }

    /// <summary>How long a one-tap link acknowledges its ticket. Default 1.00:00:00; 00:05:00 to 7.00:00:00.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Paging:LinkLifetime must be between 00:05:00 and 7.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// At most this many SMS per person within <see cref="RateWindow"/>; pages beyond it wait and go
    /// out together as one SMS ("5 new alerts …"). Default 3; 1 to 100.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Paging:SmsPerWindow must be between 1 and 100")]
    public int SmsPerWindow { get; set; } = 3;

    /// <summary>At most this many calls per person within <see cref="RateWindow"/>; later ones wait and are placed as one. Default 2; 1 to 100.</summary>
    [Range(1, 100, ErrorMessage = "Paging:CallsPerWindow must be between 1 and 100")]
    public int CallsPerWindow { get; set; } = 2;

    /// <summary>The window of the per-person limits. Default 00:05:00; 00:00:10 to 01:00:00.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Paging:RateWindow must be between 00:00:10 and 01:00:00")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the escalation job looks for steps that fell due. Default 00:00:05; 00:00:01 to 00:01:00.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Paging:EscalationInterval must be between 00:00:01 and 00:01:00")]
    public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
