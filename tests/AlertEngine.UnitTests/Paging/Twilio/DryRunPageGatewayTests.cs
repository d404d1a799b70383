using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertEngine.UnitTests.Paging.Twilio;

public sealed class DryRunPageGatewayTests
{
    [Theory]
    [InlineData("+8613800138000", "**********8000")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Mask_KeepsOnlyTheLastFourDigits(string phone, string masked)
    {
        Assert.Equal(masked, DryRunPageGateway.Mask(phone));
    }

    [Fact]
    public async Task SendSms_ReportsSentWithDryRunId()
    {
        var sut = new DryRunPageGateway(NullLogger<DryRunPageGateway>.Instance);

        var result = await sut.SendSmsAsync(new SmsPage("+8613800138000", "L1 …", null), TestContext.Current.CancellationToken);

        Assert.Equal(PageSendVerdict.Sent, result.Verdict);
        Assert.StartsWith("dry-run-", result.ProviderId, StringComparison.Ordinal);
        Assert.Equal("dry-run: not sent (Twilio is not configured)", result.Text);
        Assert.Equal("dry-run", sut.Mode);
        Assert.Null(await sut.FindSentAsync(PageChannel.Sms, "+8613800138000", "L1 …", DateTimeOffset.UnixEpoch, new HashSet<string>(), TestContext.Current.CancellationToken));
    }
}
