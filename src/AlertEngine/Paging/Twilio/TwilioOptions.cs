using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// Twilio (section <c>Twilio</c>): the account that sends SMS and places calls, the number they come
/// from, and how long the engine waits for Twilio. When neither <see cref="AccountSid"/> nor
/// <see cref="AuthToken"/> is set the engine runs in dry-run: pages are logged, not sent.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary>The default <see cref="ApiBaseUrl"/>: Twilio itself.</summary>
    public const string TwilioApiBaseUrl = "https://api.twilio.com";

    /// <summary>The account's SID (<c>AC</c> + 32 hexadecimal characters). Empty: dry-run. Default empty.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The account's primary auth token; a secret: set it from the environment
    /// (<c>AlertEngine__Twilio__AuthToken</c>), never in a file. It also checks Twilio's callback
    /// signatures. Never logged. Default empty.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>The Twilio number SMS and calls come from, E.164 (<c>+8613800138000</c>); required once Twilio is configured (calls need it). Default empty.</summary>
    public string? FromNumber { get; set; }

    /// <summary>
    /// A Messaging Service (<c>MG…</c>) that picks the SMS sender from its pool; when set, SMS use it
    /// instead of <see cref="FromNumber"/>. Default empty.
    /// </summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// Where the Twilio REST API is: <c>https://api.twilio.com</c> (the default); tests point it at a
    /// local mock (<c>http://127.0.0.1:&lt;port&gt;</c>). Absolute http or https URL.
    /// </summary>
    public string ApiBaseUrl { get; set; } = TwilioApiBaseUrl;

    /// <summary>How long one request to Twilio may take before it counts as unanswered (retried later). Default 00:00:10; 00:00:01 to 00:02:00.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Twilio:RequestTimeout must be between 00:00:01 and 00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call rings before Twilio gives up (Twilio adds up to 5 s). Default 00:00:30; 00:00:05 to 00:10:00.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Twilio:CallTimeout must be between 00:00:05 and 00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The share of failed requests (unreachable, 5xx, 429, timeouts) within 30 s, out of at least 4,
    /// that opens the circuit breaker. Default 0.5; 0.1 to 1.
    /// </summary>
    [Range(0.1, 1.0, ErrorMessage = "Twilio:BreakerFailureRatio must be between 0.1 and 1")]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How long an open breaker lets no request through (pages wait for the next attempt). Default 00:00:30; 00:00:01 to 00:10:00.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Twilio:BreakerBreakDuration must be between 00:00:01 and 00:10:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether pages go to Twilio: both <see cref="AccountSid"/> and <see cref="AuthToken"/> are set.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
