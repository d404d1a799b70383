using System.Xml.Linq;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertEngine.IntegrationTests.Paging.Twilio;

/// <summary>
/// The Twilio page gateway as the engine builds it (AddPageGateway + configuration), through the
/// real Twilio library, against a WireMock Twilio: what arrives, and how each answer is classified.
/// </summary>
public sealed class TwilioPageGatewayTests : IAsyncLifetime
{
    private const string From = "+15005550006";
    private const string To = "+8613800138000";

    /// <summary>When the unknown send began (the gateway compares Twilio's dates with it, not with a clock).</summary>
    private static readonly DateTimeOffset Since = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NoneClaimed = [];

    private readonly TwilioMock _twilio = TwilioMock.Start();
    private ServiceProvider? _services;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task SendSms_Accepted_ArrivesWithFieldsAndAccountAuth()
    {
        _twilio.AcceptSms();
        var gateway = CreateSut();

        var result = await gateway.SendSmsAsync(new SmsPage(To, "L1 srv-nc-web1 down #1234 — 回复 ACK 1234", new Uri("https://engine.example/twilio/sms/status?page=7")), Cancel);

        Assert.Equal("twilio", gateway.Mode);
        Assert.Equal(PageSendVerdict.Sent, result.Verdict);
        Assert.StartsWith("SM", result.ProviderId, StringComparison.Ordinal);
        var sms = Assert.Single(_twilio.Sms());
        Assert.Equal(To, sms.To);
        Assert.Equal(From, sms.From);
        Assert.Equal("L1 srv-nc-web1 down #1234 — 回复 ACK 1234", sms.Body);
        Assert.Equal("https://engine.example/twilio/sms/status?page=7", sms.StatusCallback);
        Assert.Equal(TwilioMock.AccountSid, sms.User);
    }

    [Fact]
    public async Task SendSms_WithMessagingService_SendsItInsteadOfFrom()
    {
        _twilio.AcceptSms();
        var gateway = CreateSut(("Twilio:MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"));

        await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        var sms = Assert.Single(_twilio.Sms());
        Assert.Null(sms.From);
        Assert.Equal("MG0123456789abcdef0123456789abcdef", sms.MessagingServiceSid);
    }

    [Fact]
    public async Task PlaceCall_Accepted_ArrivesWithGatherTwimlAndStatusEvents()
    {
        _twilio.AcceptCalls();
        var gateway = CreateSut();
        var keyPress = new Uri("https://engine.example/twilio/voice/keypress?page=9");

        var result = await gateway.PlaceCallAsync(new CallPage(To, "一级告警 srv-nc-web1，按1确认", PageLanguage.Chinese, keyPress, new Uri("https://engine.example/twilio/voice/status?page=9")), Cancel);

        Assert.Equal(PageSendVerdict.Sent, result.Verdict);
        Assert.StartsWith("CA", result.ProviderId, StringComparison.Ordinal);
        var call = Assert.Single(_twilio.Calls());
        Assert.Equal(To, call.To);
        Assert.Equal(From, call.From);
        Assert.Equal(TwilioMock.AccountSid, call.User);
        Assert.Equal("30", call.Timeout);
        Assert.Equal(["initiated", "ringing", "answered", "completed"], call.StatusCallbackEvents);
        Assert.Equal("https://engine.example/twilio/voice/status?page=9", call.StatusCallback);
        var gather = XElement.Parse(call.Twiml!).Element("Gather")!;
        Assert.Equal(keyPress.AbsoluteUri, (string?)gather.Attribute("action"));
        Assert.Equal("一级告警 srv-nc-web1，按1确认", gather.Element("Say")!.Value);
    }

    [Theory]
    [InlineData("server error", 500, 20500, PageSendVerdict.RetryLater)]
    [InlineData("server error without Twilio's body", 503, 0, PageSendVerdict.RetryLater)]
    [InlineData("too many requests", 429, 20429, PageSendVerdict.RetryLater)]
    [InlineData("invalid To", 400, 21211, PageSendVerdict.Failed)]
    [InlineData("unsubscribed", 400, 21610, PageSendVerdict.Failed)]
    [InlineData("wrong credentials", 401, 20003, PageSendVerdict.Failed)]
    public async Task SendSms_TwilioRefuses_Classified(string rule, int status, int code, PageSendVerdict verdict)
    {
        _twilio.FailSms(status, code, "refused by the mock");
        var gateway = CreateSut();

        var result = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        Assert.True(result.Verdict == verdict, $"{rule}: {result.Verdict} {result.Text}");
        Assert.Equal(code == 0 ? null : code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Single(_twilio.Sms());
    }

    [Fact]
    public async Task SendSms_InvalidTo_FailedInWordsWithCode()
    {
        _twilio.FailSms(400, 21211, "The 'To' number +86 is not a valid phone number.");
        var gateway = CreateSut();

        var result = await gateway.SendSmsAsync(new SmsPage("+86", "x", null), Cancel);

        Assert.Equal(PageSendResult.Failed("Twilio 21211: invalid 'To' phone number", "21211"), result);
    }

    [Fact]
    public async Task SendSms_FailOnceThenAccept_RetryLaterThenSent()
    {
        _twilio.FailOnceThenAccept(503, 20503, "busy");
        var gateway = CreateSut();

        var first = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);
        var second = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        Assert.Equal(PageSendVerdict.RetryLater, first.Verdict);
        Assert.Equal(PageSendVerdict.Sent, second.Verdict);
        Assert.Equal(2, _twilio.Sms().Count);
    }

    [Fact]
    public async Task SendSms_SlowerThanRequestTimeout_RetryLater()
    {
        _twilio.SlowSms(TimeSpan.FromSeconds(5));
        var gateway = CreateSut(("Twilio:RequestTimeout", "00:00:01"));

        var result = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        Assert.Equal(PageSendVerdict.RetryLater, result.Verdict);
        Assert.Contains("Twilio:RequestTimeout", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendSms_EngineClockJumpsHoursDuringTheRequest_StillSent()
    {
        // The request timeout is real elapsed time, not the engine's clock: a test (or an NTP step)
        // moving that clock while a request is in flight must not turn a sent SMS into an unknown one.
        _twilio.SlowSms(TimeSpan.FromMilliseconds(500));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var gateway = CreateSut(clock, ("Twilio:RequestTimeout", "00:00:10"));

        var sending = gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        var result = await sending;

        Assert.Equal(PageSendVerdict.Sent, result.Verdict);
    }

    [Fact]
    public async Task SendSms_TwilioUnreachable_RetryLater()
    {
        var gateway = CreateSut(("Twilio:ApiBaseUrl", "http://127.0.0.1:1"));

        var result = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        Assert.Equal(PageSendVerdict.RetryLater, result.Verdict);
        Assert.StartsWith("Twilio unreachable", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindSent_SmsWithSameBody_FoundAndOtherBodyNot()
    {
        var since = Since;
        _twilio.ExistingMessages((To, "L1 srv-nc-web1 down #1234", since.AddSeconds(5)), (To, "older page", since.AddHours(-3)));
        var gateway = CreateSut();

        var found = await gateway.FindSentAsync(PageChannel.Sms, To, "L1 srv-nc-web1 down #1234", since, NoneClaimed, Cancel);
        var other = await gateway.FindSentAsync(PageChannel.Sms, To, "another page", since, NoneClaimed, Cancel);
        var tooOld = await gateway.FindSentAsync(PageChannel.Sms, To, "older page", since, NoneClaimed, Cancel);

        Assert.NotNull(found);
        Assert.Equal(PageSendVerdict.Sent, found.Verdict);
        Assert.StartsWith("SM", found.ProviderId, StringComparison.Ordinal);
        Assert.StartsWith("found in Twilio after a restart", found.Text, StringComparison.Ordinal);
        Assert.Null(other);
        Assert.Null(tooOld);
        Assert.Contains(_twilio.Reads(TwilioMock.MessagesPath), q => q.Contains("To=%2B8613800138000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindSent_CallStartedAfterSince_Found()
    {
        var since = Since;
        _twilio.ExistingCalls((To, since.AddSeconds(3)));
        var gateway = CreateSut();

        var found = await gateway.FindSentAsync(PageChannel.Call, To, null, since, NoneClaimed, Cancel);

        Assert.NotNull(found);
        Assert.StartsWith("CA", found.ProviderId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindSent_OnlyCallToTheNumberIsOneOurOtherPagesClaim_NotFound()
    {
        var sids = _twilio.ExistingCalls((To, Since.AddSeconds(3)));
        var gateway = CreateSut();

        var found = await gateway.FindSentAsync(PageChannel.Call, To, null, Since, new HashSet<string>(sids), Cancel);

        Assert.Null(found);
    }

    [Fact]
    public async Task FindSent_ListFails_RetryLater()
    {
        var gateway = CreateSut();

        var result = await gateway.FindSentAsync(PageChannel.Sms, To, "x", Since, NoneClaimed, Cancel);

        Assert.NotNull(result);
        Assert.Equal(PageSendVerdict.RetryLater, result.Verdict);
    }

    [Fact]
    public async Task NotConfigured_DryRunGateway()
    {
        var gateway = CreateSut(("Twilio:AccountSid", ""), ("Twilio:AuthToken", ""));

        var result = await gateway.SendSmsAsync(new SmsPage(To, "x", null), Cancel);

        Assert.IsType<DryRunPageGateway>(gateway);
        Assert.Equal("dry-run", gateway.Mode);
        Assert.Equal(PageSendVerdict.Sent, result.Verdict);
        Assert.Empty(_twilio.Sms());
    }

    private IPageGateway CreateSut(params (string Key, string Value)[] overrides) => CreateSut(null, overrides);

    private IPageGateway CreateSut(TimeProvider? clock, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TwilioMock.AccountSid,
            ["Twilio:AuthToken"] = "0123456789abcdef0123456789abcdef",
            ["Twilio:FromNumber"] = From,
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddPageGateway();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IPageGateway>();
    }
}
