using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlertEngine.Tickets.Api;

/// <summary>Checks every API token and reports all problems, each naming its key, never the secret.</summary>
public sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>Shortest API token secret accepted (e.g. <c>openssl rand -hex 24</c> gives 48).</summary>
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = options.Tokens.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => (Section: "Tokens", t.Key, t.Value))
            .Concat(options.ReadOnlyTokens.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => (Section: "ReadOnlyTokens", t.Key, t.Value)));
        foreach (var (section, token, secret) in all)
        {
            var key = $"Api:{section}:{token}";
            if (section == "ReadOnlyTokens" && options.Tokens.ContainsKey(token))
            {
                failures.Add($"{key} has the name of Api:Tokens:{token}; give the read-only token a name of its own (names go on timelines and logs)");
            }

            if (!TokenName().IsMatch(token))
            {
                failures.Add($"{key}: the token name must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit (it goes on ticket timelines as the actor)");
            }

            if (string.IsNullOrWhiteSpace(secret))
            {
                failures.Add($"{key} has no secret (set it from the environment, e.g. AlertEngine__Api__{section}__{token}=$(openssl rand -hex 24))");
            }
            else if (secret.Length < MinimumSecretLength)
            {
                failures.Add($"{key} must be at least {MinimumSecretLength} characters");
            }
            else if (secret.Contains("CHANGE-ME", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key} is still the example placeholder; set a real secret");
            }
            else if (owners.TryGetValue(secret, out var first))
            {
                // Two names for one secret: the timeline could not tell who acted.
                failures.Add($"{key} has the same secret as {first}; give each token its own");
            }
            else
            {
                owners[secret] = key;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenName();
}
