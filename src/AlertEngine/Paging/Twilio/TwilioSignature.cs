using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// Checks the <c>X-Twilio-Signature</c> of a form-encoded callback from Twilio (reference C7): the
/// URL Twilio called followed by every POST parameter's name and value, names in ordinal order,
/// HMAC-SHA1 with the auth token, base64; compared in constant time, with and without the default
/// port in the URL. False when Twilio is not configured or the header is missing.
/// </summary>
internal sealed class TwilioSignature(IOptions<TwilioOptions> options)
{
    private readonly string? _authToken = options.Value.Configured ? options.Value.AuthToken : null;

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> signs this request: <paramref name="url"/> exactly as
    /// Twilio called it (the public https URL, with its query), and every form parameter received.
    /// </summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> formParams, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formParams);
        if (_authToken is null || string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var parameters = formParams.ToList();
        var expected = Encoding.ASCII.GetBytes(signatureHeader);
        return UrlVariants(url).Any(variant =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(_authToken, variant, parameters)), expected));
    }

    /// <summary>The signature Twilio sends for this URL and these parameters, signed with <paramref name="authToken"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formParams)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(formParams);
        var data = new StringBuilder(url);
        foreach (var (name, value) in formParams.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio signs its callbacks with HMAC-SHA1 (reference C7); the algorithm is theirs, not ours to choose.
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// The URL as given, and the same with the default port (:443 for https, :80 for http) added
    /// or removed: Twilio signs either form depending on how the URL was configured.
    /// </summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch { "https" => ":443", "http" => ":80", _ => null };
        if (defaultPort is null)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostEnd = authority.LastIndexOf(']') + 1; // an IPv6 host holds colons of its own
        var hasPort = authority.IndexOf(':', hostEnd) >= 0;
        if (hasPort && authority.EndsWith(defaultPort, StringComparison.Ordinal))
        {
            yield return url[..authorityStart] + authority[..^defaultPort.Length] + url[authorityEnd..];
        }
        else if (!hasPort)
        {
            yield return url[..authorityStart] + authority + defaultPort + url[authorityEnd..];
        }
    }
}
