using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace AlertEngine.Paging.Twilio;

/// <summary>Finding a page Twilio already has, for a send whose outcome is unknown (the engine stopped mid-request).</summary>
internal sealed partial class TwilioPageGateway
{
    /// <summary>How many of the newest messages or calls to that number are looked at.</summary>
    public const int FindLimit = 20;

    /// <summary>
    /// Twilio's clock and ours may differ by a little; a page created up to this long before
    /// <c>since</c> still counts as found (sending twice is the worse mistake).
    /// </summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(2);

    public async Task<PageSendResult?> FindSentAsync(PageChannel channel, string phone, string? body, DateTimeOffset since, IReadOnlySet<string> claimed, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentNullException.ThrowIfNull(claimed);
        var after = since - ClockSlack;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await (channel == PageChannel.Call ? FindCallAsync(phone, after, claimed) : FindSmsAsync(phone, body, after, claimed)).WaitAsync(token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed look-up is a RetryLater outcome for the outbox, never an exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failed = TwilioErrorClassifier.Classify(ex, _options);
            LogRequestFailed(_logger, channel, PageSendVerdict.RetryLater, failed.Text);
            return PageSendResult.RetryLater($"could not ask Twilio whether the page went out: {failed.Text}", failed.ErrorCode);
        }
    }

    private async Task<PageSendResult?> FindSmsAsync(string phone, string? body, DateTimeOffset after, IReadOnlySet<string> claimed)
    {
        // Twilio filters DateSent by day only, and a queued message has no DateSent yet: ask for the
        // day and compare the creation time here.
        var read = new ReadMessageOptions { To = new PhoneNumber(phone), DateSentAfter = after.UtcDateTime.Date, Limit = FindLimit, PageSize = FindLimit };
        var messages = await MessageResource.ReadAsync(read, _client).ConfigureAwait(false);
        var found = messages.FirstOrDefault(m =>
            (Utc(m.DateCreated ?? m.DateSent) is not { } created || created >= after) && !claimed.Contains(m.Sid) && string.Equals(m.Body, body, StringComparison.Ordinal));
        return found is null
            ? null
            : PageSendResult.Sent(found.Sid, $"found in Twilio after a restart: SMS {found.Sid} ({found.Status}) created {Format(Utc(found.DateCreated))}");
    }

    private async Task<PageSendResult?> FindCallAsync(string phone, DateTimeOffset after, IReadOnlySet<string> claimed)
    {
        var read = new ReadCallOptions { To = new PhoneNumber(phone), StartTimeAfter = after.UtcDateTime, Limit = FindLimit, PageSize = FindLimit };
        var calls = await CallResource.ReadAsync(read, _client).ConfigureAwait(false);
        // A call carries nothing of ours to match: only a call none of our recorded sends claims can be this one.
        var found = calls.FirstOrDefault(c => (Utc(c.DateCreated ?? c.StartTime) is not { } created || created >= after) && !claimed.Contains(c.Sid));
        return found is null
            ? null
            : PageSendResult.Sent(found.Sid, $"found in Twilio after a restart: call {found.Sid} ({found.Status}) created {Format(Utc(found.DateCreated))}");
    }

    /// <summary>The library parses Twilio's dates as local or unspecified <see cref="DateTime"/>s; Twilio writes UTC.</summary>
    private static DateTimeOffset? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static string Format(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "at an unknown time";
}
