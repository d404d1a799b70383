namespace AlertEngine.Paging;

/// <summary>
/// Sends one SMS or places one call (Twilio, or the dry-run pager that only logs). Makes the call
/// once: the page sender owns retries and records the outcome. Every failure is classified here,
/// as retryable (5xx, 429, timeouts, a broken connection) or permanent (an invalid or unsubscribed
/// number), with its reason in words.
/// </summary>
public interface IPageGateway
{
    /// <summary>"twilio" or "dry-run", for /healthz and the log.</summary>
    string Mode { get; }

    Task<PageSendResult> SendSmsAsync(SmsPage sms, CancellationToken cancellationToken);

    Task<PageSendResult> PlaceCallAsync(CallPage page, CancellationToken cancellationToken);

    /// <summary>
    /// For a page whose outcome is unknown (the engine stopped mid-call): did an SMS with this
    /// <paramref name="body"/> (or, for a call, any call) to <paramref name="phone"/> go out since
    /// <paramref name="since"/> that is not one of <paramref name="claimed"/> (the provider ids our
    /// own recorded sends already carry: a call placed for other pages is not this one)? The sent
    /// result when found; null when not; a RetryLater result when the provider could not be asked.
    /// </summary>
    Task<PageSendResult?> FindSentAsync(PageChannel channel, string phone, string? body, DateTimeOffset since, IReadOnlySet<string> claimed, CancellationToken cancellationToken);
}

/// <summary>One SMS: E.164 number, text, and where Twilio posts its delivery status (or null).</summary>
public sealed record SmsPage(string To, string Body, Uri? StatusCallback);

/// <summary>
/// One call: E.164 number, the words to speak in <paramref name="Language"/>, where Twilio posts
/// the key pressed (<paramref name="KeyPressAction"/>, or null when no key can acknowledge) and
/// where it posts the call's status (or null).
/// </summary>
public sealed record CallPage(string To, string Spoken, PageLanguage Language, Uri? KeyPressAction, Uri? StatusCallback);

/// <summary>How one send ended.</summary>
public enum PageSendVerdict
{
    Sent,

    /// <summary>Transient: try again after the backoff.</summary>
    RetryLater,

    /// <summary>Permanent: trying again cannot fix it (the escalation moves on at once).</summary>
    Failed,
}

/// <summary>
/// The outcome of a send: the provider's id (Twilio's <c>SM…</c>/<c>CA…</c> sid) when sent,
/// the provider's error code when it gave one, and the text for the page's timeline line.
/// </summary>
public sealed record PageSendResult(PageSendVerdict Verdict, string? ProviderId, string Text, string? ErrorCode = null)
{
    /// <summary>
    /// The <see cref="ErrorCode"/> of a retryable failure whose outcome is unknown (a timeout, a
    /// connection lost mid-request): the message or call may have gone out, so the next attempt asks
    /// the provider first (<see cref="IPageGateway.FindSentAsync"/>) instead of sending again.
    /// </summary>
    public const string UnknownOutcome = "unknown-outcome";

    public static PageSendResult Sent(string providerId, string text) => new(PageSendVerdict.Sent, providerId, text);

    public static PageSendResult RetryLater(string reason, string? errorCode = null) => new(PageSendVerdict.RetryLater, null, reason, errorCode);

    public static PageSendResult Failed(string reason, string? errorCode = null) => new(PageSendVerdict.Failed, null, reason, errorCode);
}
