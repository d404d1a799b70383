using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Exceptions;

namespace AlertEngine.UnitTests.Paging.Twilio;

/// <summary>Which Twilio failures are retried later and which fail the page for good, and in what words.</summary>
public sealed class TwilioErrorClassifierTests
{
    private static readonly TwilioOptions Options = new();

    // rule, Twilio code (0: no JSON body), HTTP status, expected verdict, words the reason holds
    public static TheoryData<string, int, int, PageSendVerdict, string> ApiErrors => new()
    {
        { "invalid To", 21211, 400, PageSendVerdict.Failed, "Twilio 21211: invalid 'To' phone number" },
        { "To unreachable", 21214, 400, PageSendVerdict.Failed, "Twilio 21214:" },
        { "To not valid", 21217, 400, PageSendVerdict.Failed, "Twilio 21217:" },
        { "region not enabled", 21408, 400, PageSendVerdict.Failed, "Twilio 21408: permission to send to this region" },
        { "trial account", 21608, 400, PageSendVerdict.Failed, "Twilio 21608: trial account" },
        { "unsubscribed (STOP)", 21610, 400, PageSendVerdict.Failed, "Twilio 21610: the recipient unsubscribed" },
        { "route not possible", 21612, 400, PageSendVerdict.Failed, "Twilio 21612:" },
        { "not a mobile", 21614, 400, PageSendVerdict.Failed, "Twilio 21614:" },
        { "landline", 21635, 400, PageSendVerdict.Failed, "Twilio 21635: 'To' number is a landline" },
        { "unknown handset", 30005, 400, PageSendVerdict.Failed, "Twilio 30005:" },
        { "landline or unreachable carrier", 30006, 400, PageSendVerdict.Failed, "Twilio 30006:" },
        { "other 4xx keeps Twilio's message", 21999, 400, PageSendVerdict.Failed, "Twilio 21999: Twilio says no" },
        { "authentication names the keys", 20003, 401, PageSendVerdict.Failed, "credentials are wrong (check Twilio:AccountSid and Twilio:AuthToken)" },
        { "too many requests by code", 20429, 429, PageSendVerdict.RetryLater, "Twilio 20429: too many requests" },
        { "429 without a code", 0, 429, PageSendVerdict.RetryLater, "Twilio HTTP 429: too many requests" },
        { "500", 20500, 500, PageSendVerdict.RetryLater, "Twilio 20500: Twilio is failing" },
        { "503 without a body", 0, 503, PageSendVerdict.RetryLater, "Twilio HTTP 503" },
    };

    [Theory]
    [MemberData(nameof(ApiErrors))]
    public void FromApi_Row_VerdictAndWords(string rule, int code, int status, PageSendVerdict verdict, string words)
    {
        var result = TwilioErrorClassifier.FromApi(code, status, "Twilio says no");

        Assert.True(result.Verdict == verdict, $"{rule}: {result.Verdict} {result.Text}");
        Assert.Contains(words, result.Text, StringComparison.Ordinal);
        Assert.Equal(code == 0 ? null : code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
    }

    [Fact]
    public void Classify_AuthFailure_NeverShowsTheToken()
    {
        var options = new TwilioOptions { AccountSid = "AC" + new string('a', 32), AuthToken = "secret-token-value" };

        var result = TwilioErrorClassifier.Classify(new ApiException(20003, 401, "Authenticate", "https://www.twilio.com/docs/errors/20003"), options);

        Assert.Equal(PageSendVerdict.Failed, result.Verdict);
        Assert.DoesNotContain("secret-token-value", result.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, Exception, string> TransientExceptions => new()
    {
        { "Polly timeout", new TimeoutRejectedException(), "did not answer within 10 s (Twilio:RequestTimeout)" },
        { "HttpClient timeout inside the library", new ApiConnectionException("Connection Error: POST", new TaskCanceledException()), "did not answer within 10 s" },
        { "connection refused", new ApiConnectionException("Connection Error: POST", new HttpRequestException("Connection refused")), "Twilio unreachable (Connection refused)" },
        { "breaker open", new BrokenCircuitException(), "circuit open for 30 s, Twilio:BreakerBreakDuration" },
        { "non-JSON 502 from a proxy", new ApiException("Api Error: BadGateway - <html>bad gateway</html>"), "Twilio HTTP 502" },
    };

    [Theory]
    [MemberData(nameof(TransientExceptions))]
    public void Classify_TransientException_RetryLater(string rule, Exception exception, string words)
    {
        var result = TwilioErrorClassifier.Classify(exception, Options);

        Assert.True(result.Verdict == PageSendVerdict.RetryLater, $"{rule}: {result.Text}");
        Assert.Contains(words, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NonJson404_FailedWithStatus()
    {
        var result = TwilioErrorClassifier.Classify(new ApiException("Api Error: NotFound - nothing here"), Options);

        Assert.Equal(PageSendVerdict.Failed, result.Verdict);
        Assert.StartsWith("Twilio HTTP 404", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21211, 400, false)]
    [InlineData(20003, 401, false)]
    [InlineData(20429, 429, true)]
    [InlineData(20500, 500, true)]
    public void IsTransient_ApiException_OnlyTwilioFailingCounts(int code, int status, bool transient)
    {
        Assert.Equal(transient, TwilioErrorClassifier.IsTransient(new ApiException(code, status, "m", "i")));
    }
}
