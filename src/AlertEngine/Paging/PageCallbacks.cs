using Microsoft.Extensions.Options;

namespace AlertEngine.Paging;

/// <summary>
/// The engine's addresses Twilio calls back and phones open, built on Paging:PublicBaseUrl (the
/// address Twilio signs against): delivery and call status, inbound SMS, the key pressed on a call.
/// The endpoints map the same paths.
/// </summary>
public sealed class PageCallbacks(IOptions<PagingOptions> options)
{
    public const string StatusPath = "/api/v1/twilio/status";
    public const string InboundSmsPath = "/api/v1/twilio/sms";
    public const string KeyPressPath = "/api/v1/twilio/call/{pageId}/key";
    public const string LinkPath = "/a/{token}";

    private readonly string _base = options.Value.PublicBaseUrl.TrimEnd('/');

    public Uri Status => new(_base + StatusPath);

    public Uri KeyPress(long pageId) => new(_base + KeyPressPath.Replace("{pageId}", pageId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The URL Twilio requested, as it signed it: the public base plus the path and query the engine received.</summary>
    public string AsTwilioSees(string pathAndQuery) => _base + pathAndQuery;
}
