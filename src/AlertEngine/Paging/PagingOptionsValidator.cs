using Microsoft.Extensions.Options;

namespace AlertEngine.Paging;

/// <summary>
/// Cross-field checks of <see cref="PagingOptions"/>; reports every failure, each naming its key.
/// An empty or non-URL <see cref="PagingOptions.PublicBaseUrl"/> is DataAnnotations' to report
/// (<c>[Required]</c>, <c>[Url]</c>); this adds what <c>[Url]</c> lets through.
/// </summary>
public sealed class PagingOptionsValidator : IValidateOptions<PagingOptions>
{
    /// <summary>Shortest <see cref="PagingOptions.LinkSecret"/> accepted (when it is set at all).</summary>
    public const int MinimumLinkSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, PagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var secret = options.LinkSecret;
        if (!string.IsNullOrEmpty(secret))
        {
            if (secret.Length < MinimumLinkSecretLength)
            {
                failures.Add($"Paging:LinkSecret must be at least {MinimumLinkSecretLength} characters, or empty for a random key per start");
            }
            else if (secret.Contains("CHANGE-ME", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add("Paging:LinkSecret is still the example placeholder; set a real secret or leave it empty");
            }
        }

        var url = options.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(url) && LooksLikeUrl(url))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Paging:PublicBaseUrl must be an absolute http or https URL (it is '{url}')");
            }
            else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                failures.Add($"Paging:PublicBaseUrl must not have a query or a fragment: links and callback paths are appended to it (it is '{url}')");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // What DataAnnotations' [Url] accepts: anything starting with http://, https:// or ftp://.
    private static bool LooksLikeUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase);
}
