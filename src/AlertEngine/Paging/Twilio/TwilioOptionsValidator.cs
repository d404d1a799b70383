using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// Checks the Twilio section and reports all problems, each naming its key. Nothing set is valid
/// (dry-run); half a configuration (a SID without its token) is not.
/// </summary>
public sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasSid = !string.IsNullOrWhiteSpace(options.AccountSid);
        var hasToken = !string.IsNullOrWhiteSpace(options.AuthToken);

        if (hasSid && !AccountSidPattern().IsMatch(options.AccountSid!))
        {
            failures.Add("Twilio:AccountSid must start with AC followed by 32 hexadecimal characters (the Account SID on the Twilio console)");
        }

        if (hasSid && !hasToken)
        {
            failures.Add("Twilio:AuthToken is required when Twilio:AccountSid is set (set it from the environment: AlertEngine__Twilio__AuthToken)");
        }

        if (hasToken && !hasSid)
        {
            failures.Add("Twilio:AccountSid is required when Twilio:AuthToken is set");
        }

        var hasFrom = !string.IsNullOrWhiteSpace(options.FromNumber);
        var hasService = !string.IsNullOrWhiteSpace(options.MessagingServiceSid);
        if (hasFrom && !E164().IsMatch(options.FromNumber!))
        {
            failures.Add("Twilio:FromNumber must be an E.164 number: '+', the country code and the number, digits only (e.g. +8613800138000)");
        }

        if (hasService && !MessagingServiceSidPattern().IsMatch(options.MessagingServiceSid!))
        {
            failures.Add("Twilio:MessagingServiceSid must start with MG followed by 32 hexadecimal characters");
        }

        if (hasSid && hasToken && !hasFrom)
        {
            // A Messaging Service sends SMS only: without a number every call (L1 and L2 page by call
            // at once) would fail at the moment it matters.
            failures.Add(hasService
                ? "Twilio:FromNumber is required when Twilio is configured: calls come from it (Twilio:MessagingServiceSid covers SMS only)"
                : "Twilio:FromNumber is required when Twilio is configured: SMS (unless Twilio:MessagingServiceSid is set) and calls come from it");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Twilio:ApiBaseUrl must be an absolute http or https URL (default https://api.twilio.com)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
