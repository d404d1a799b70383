namespace AlertEngine.Pipeline;

/// <summary>
/// The outcome label of <c>alertengine_webhook_requests_total</c>: one name per way the webhook
/// answers. The endpoint reports them; <see cref="EngineMetrics"/> shows each at 0 from the start.
/// </summary>
public static class WebhookOutcome
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Invalid = "invalid";
    public const string Busy = "busy";
    public const string Unavailable = "unavailable";
    public const string Unauthorized = "unauthorized";
    public const string TooLarge = "too_large";
    public const string UnknownServer = "unknown_server";

    /// <summary>The server label of a request for a server that is not configured (never the name from the URL).</summary>
    public const string UnknownServerLabel = "unknown";

    /// <summary>Every outcome a configured server can have.</summary>
    public static IReadOnlyList<string> ForConfiguredServer { get; } = [Accepted, Duplicate, Invalid, Busy, Unavailable, Unauthorized, TooLarge];
}
