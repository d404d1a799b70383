using AlertEngine.Paging.Twilio;

namespace AlertEngine.UnitTests.Paging.Twilio;

/// <summary>The Twilio section: dry-run when empty, every problem reported with its key.</summary>
public sealed class TwilioOptionsValidatorTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";
    private const string ServiceSid = "MG0123456789abcdef0123456789abcdef";

    // rule, options, the key the failure names
    public static TheoryData<string, TwilioOptions, string> Invalid => new()
    {
        { "SID without token", new TwilioOptions { AccountSid = Sid, FromNumber = "+15005550006" }, "Twilio:AuthToken is required" },
        { "token without SID", new TwilioOptions { AuthToken = "t", FromNumber = "+15005550006" }, "Twilio:AccountSid is required" },
        { "SID not AC", new TwilioOptions { AccountSid = "SK0123456789abcdef0123456789abcdef", AuthToken = "t", FromNumber = "+15005550006" }, "Twilio:AccountSid must start with AC" },
        { "SID too short", new TwilioOptions { AccountSid = "AC123", AuthToken = "t", FromNumber = "+15005550006" }, "Twilio:AccountSid" },
        { "no sender", new TwilioOptions { AccountSid = Sid, AuthToken = "t" }, "Twilio:FromNumber is required" },
        { "a messaging service but no number for calls", new TwilioOptions { AccountSid = Sid, AuthToken = "t", MessagingServiceSid = ServiceSid }, "calls come from it (Twilio:MessagingServiceSid covers SMS only)" },
        { "from not E.164", new TwilioOptions { AccountSid = Sid, AuthToken = "t", FromNumber = "13800138000" }, "Twilio:FromNumber must be an E.164 number" },
        { "service not MG", new TwilioOptions { AccountSid = Sid, AuthToken = "t", MessagingServiceSid = "XX0123456789abcdef0123456789abcdef" }, "Twilio:MessagingServiceSid" },
        { "API URL relative", new TwilioOptions { ApiBaseUrl = "api.twilio.com" }, "Twilio:ApiBaseUrl" },
        { "API URL ftp", new TwilioOptions { ApiBaseUrl = "ftp://127.0.0.1:21" }, "Twilio:ApiBaseUrl" },
    };

    [Fact]
    public void Validate_NothingSet_ValidDryRun()
    {
        var options = new TwilioOptions();

        Assert.True(new TwilioOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.Configured);
    }

    [Theory]
    [InlineData("from number", "+15005550006", null)]
    [InlineData("both: SMS through the service, calls from the number", "+8613800138000", ServiceSid)]
    public void Validate_Configured_Valid(string rule, string? from, string? service)
    {
        var options = new TwilioOptions { AccountSid = Sid, AuthToken = "token", FromNumber = from, MessagingServiceSid = service, ApiBaseUrl = "http://127.0.0.1:9999" };

        var result = new TwilioOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, $"{rule}: {result.FailureMessage}");
        Assert.True(options.Configured);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidRow_FailsNamingTheKey(string rule, TwilioOptions options, string expected)
    {
        var result = new TwilioOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, rule);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { AccountSid = "AC1", FromNumber = "0", ApiBaseUrl = "nope" });

        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void Validate_Failure_NeverShowsTheToken()
    {
        var result = new TwilioOptionsValidator().Validate(null, new TwilioOptions { AccountSid = "bad", AuthToken = "super-secret-token" });

        Assert.DoesNotContain(result.Failures!, f => f.Contains("super-secret-token", StringComparison.Ordinal));
    }
}
