using Microsoft.Extensions.Options;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// Sends the Twilio library's requests to <see cref="TwilioOptions.ApiBaseUrl"/> when it is not
/// Twilio itself: the library always builds <c>https://api.twilio.com/…</c> and has no setting for
/// another host (reference C10), so this handler swaps scheme, host and port and keeps path and
/// query. Tests point it at WireMock.
/// </summary>
internal sealed class TwilioBaseAddressHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    private readonly Uri? _target = Target(options.Value.ApiBaseUrl);

    /// <summary>The address to send to, or null when it is Twilio's own (nothing to rewrite).</summary>
    public static Uri? Target(string? apiBaseUrl) =>
        Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var uri)
        && !(uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && uri.Host.Equals("api.twilio.com", StringComparison.OrdinalIgnoreCase))
            ? uri
            : null;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_target is { } target && request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
