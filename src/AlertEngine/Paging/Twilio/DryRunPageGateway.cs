using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// The pager while Twilio is not configured (no <c>Twilio:AccountSid</c>/<c>Twilio:AuthToken</c>):
/// logs each page — the number masked but its last 4 digits, the channel, the text — and reports
/// it sent, so that the rest of the engine runs as in production.
/// </summary>
internal sealed partial class DryRunPageGateway(ILogger<DryRunPageGateway> logger) : IPageGateway
{
    public const string NotSentText = "dry-run: not sent (Twilio is not configured)";

    public string Mode => "dry-run";

    public Task<PageSendResult> SendSmsAsync(SmsPage sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        Log(sms.To, PageChannel.Sms, sms.Body);
        return Task.FromResult(Sent());
    }

    public Task<PageSendResult> PlaceCallAsync(CallPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        Log(page.To, PageChannel.Call, page.Spoken);
        return Task.FromResult(Sent());
    }

    /// <summary>Nothing was ever sent, so nothing is found.</summary>
    public Task<PageSendResult?> FindSentAsync(PageChannel channel, string phone, string? body, DateTimeOffset since, IReadOnlySet<string> claimed, CancellationToken cancellationToken) =>
        Task.FromResult<PageSendResult?>(null);

    /// <summary><c>+8613800138000</c> → <c>**********8000</c>: enough to tell people apart in the log.</summary>
    internal static string Mask(string? phone) =>
        phone is null ? string.Empty
        : phone.Length <= 4 ? new string('*', phone.Length)
        : new string('*', phone.Length - 4) + phone[^4..];

    private void Log(string to, PageChannel channel, string text)
    {
        var masked = Mask(to);
        LogPage(logger, masked, channel, text);
    }

    private static PageSendResult Sent() =>
        PageSendResult.Sent("dry-run-" + Guid.NewGuid().ToString("n", CultureInfo.InvariantCulture), NotSentText);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry-run page (Twilio is not configured) to {To} by {Channel}: {Text}")]
    private static partial void LogPage(ILogger logger, string to, PageChannel channel, string text);
}
