using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Exceptions;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// The one place that decides whether a failed Twilio request is retried later (5xx, 429/20429,
/// timeouts, a broken connection, the breaker open) or failed for good (an invalid, unreachable or
/// unsubscribed number, any other 4xx), and words it for the page's timeline:
/// <c>Twilio 21211: invalid 'To' phone number</c>. Texts carry codes and option keys, never the token.
/// </summary>
internal static class TwilioErrorClassifier
{
    /// <summary>Twilio's "authenticate" error: the SID or token is wrong.</summary>
    public const int AuthenticationFailed = 20003;

    /// <summary>Too many concurrent requests (HTTP 429): never processed, safe to retry.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>The most of Twilio's (or a proxy's) message kept in a reason.</summary>
    private const int MaxMessageLength = 200;

    /// <summary>Permanent errors in words (reference C8); other 4xx codes keep Twilio's own message.</summary>
    private static readonly FrozenDictionary<int, string> Permanent = new Dictionary<int, string>
    {
        [21211] = "invalid 'To' phone number",
        [21212] = "invalid 'From' phone number (check Twilio:FromNumber)",
        [21214] = "'To' phone number cannot be reached",
        [21217] = "'To' phone number does not appear to be valid",
        [21408] = "permission to send to this region is not enabled (Twilio console: geo permissions)",
        [21606] = "the 'From' number cannot send SMS (check Twilio:FromNumber)",
        [21608] = "trial account: the 'To' number is not verified",
        [21610] = "the recipient unsubscribed (replied STOP; they send START to receive again)",
        [21612] = "the 'To' number cannot be reached from the 'From' number",
        [21614] = "'To' number is not a mobile number",
        [21635] = "'To' number is a landline",
        [30005] = "unknown destination handset (the number does not exist)",
        [30006] = "landline or unreachable carrier",
    }.ToFrozenDictionary();

    /// <summary>Whether the breaker counts this failure: Twilio or the way to it is failing, not the request.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        ApiConnectionException => true,
        HttpRequestException => true,
        ApiException api => IsRetryable(api.Code, StatusOf(api)),
        _ => false,
    };

    /// <summary>5xx, 408, 429 and 20429 are retried; every other answer from Twilio is not.</summary>
    public static bool IsRetryable(int code, int status) =>
        code == TooManyRequests || status >= 500 || status is 429 or 408;

    /// <summary>The outcome of a send or read that threw <paramref name="exception"/>.</summary>
    public static PageSendResult Classify(Exception exception, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        return exception switch
        {
            BrokenCircuitException => PageSendResult.RetryLater(
                $"Twilio not tried: it failed repeatedly (circuit open for {Seconds(options.BreakerBreakDuration)} s, Twilio:BreakerBreakDuration)"),
            TimeoutRejectedException => TimedOut(options),
            ApiConnectionException { InnerException: OperationCanceledException or TimeoutException } => TimedOut(options),
            // A connection lost mid-request may have delivered it: the next attempt asks Twilio first.
            ApiConnectionException connection => PageSendResult.RetryLater($"Twilio unreachable ({Innermost(connection).Message})", PageSendResult.UnknownOutcome),
            HttpRequestException http => PageSendResult.RetryLater($"Twilio unreachable ({http.Message})"),
            ApiException api => FromApi(api.Code, StatusOf(api), api.Message),
            _ => PageSendResult.RetryLater($"Twilio: unexpected failure ({exception.GetType().Name}: {exception.Message})", PageSendResult.UnknownOutcome),
        };
    }

    /// <summary>An error answer from Twilio: its code (0 when the body had none), HTTP status and message.</summary>
    public static PageSendResult FromApi(int code, int status, string? message)
    {
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var label = code == 0 ? $"Twilio HTTP {status.ToString(CultureInfo.InvariantCulture)}" : $"Twilio {codeText}";
        var errorCode = code == 0 ? null : codeText;
        if (code == AuthenticationFailed || status == 401)
        {
            return PageSendResult.Failed(
                $"{label}: authentication failed: the Twilio credentials are wrong (check Twilio:AccountSid and Twilio:AuthToken)", errorCode);
        }

        if (code == TooManyRequests || status == 429)
        {
            return PageSendResult.RetryLater($"{label}: too many requests to Twilio at once", errorCode);
        }

        if (IsRetryable(code, status))
        {
            return PageSendResult.RetryLater($"{label}: Twilio is failing ({Words(message)})", errorCode);
        }

        if (Permanent.TryGetValue(code, out var words))
        {
            return PageSendResult.Failed($"{label}: {words}", errorCode);
        }

        return PageSendResult.Failed($"{label}: {Words(message)}", errorCode);
    }

    /// <summary>
    /// The HTTP status of an error answer. The library gives it when the body is Twilio's JSON
    /// error; for any other body (a proxy's HTML page) only its message says it:
    /// <c>Api Error: InternalServerError - …</c>. Unknown: 500 (retried: Twilio did not answer as Twilio).
    /// </summary>
    private static int StatusOf(ApiException api)
    {
        if (api.Status != 0)
        {
            return api.Status;
        }

        const string Prefix = "Api Error: ";
        var message = api.Message ?? string.Empty;
        if (message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var end = message.IndexOf(" - ", StringComparison.Ordinal);
            var name = end < 0 ? message[Prefix.Length..] : message[Prefix.Length..end];
            if (Enum.TryParse<HttpStatusCode>(name.Trim(), ignoreCase: false, out var status))
            {
                return (int)status;
            }
        }

        return 500;
    }

    private static PageSendResult TimedOut(TwilioOptions options) =>
        PageSendResult.RetryLater(
            $"Twilio did not answer within {Seconds(options.RequestTimeout)} s (Twilio:RequestTimeout); the page may or may not have gone out",
            PageSendResult.UnknownOutcome);

    /// <summary>Twilio's message, or the start of whatever else answered (a proxy's HTML page can be long).</summary>
    private static string Words(string? message) =>
        string.IsNullOrWhiteSpace(message) ? "no message"
        : message.Trim() is { Length: > MaxMessageLength } longer ? longer[..MaxMessageLength] + "…"
        : message.Trim();

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
