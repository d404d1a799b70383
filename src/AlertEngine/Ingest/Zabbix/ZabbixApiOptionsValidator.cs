namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// The checks of one server's <c>Api</c> section (<see cref="ZabbixOptionsValidator"/> runs them
/// for every server): each failure names its key and never shows a secret.
/// </summary>
internal static class ZabbixApiOptionsValidator
{
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>Polly's circuit breaker needs at least half a second.</summary>
    public static readonly TimeSpan MinimumBreakDuration = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaximumBreakDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(5);
    public const int MaximumReadRetries = 10;

    public static void Validate(string server, ZabbixApiOptions? api, List<string> failures)
    {
        var key = $"Zabbix:Servers:{server}:Api";
        var env = $"AlertEngine__Zabbix__Servers__{server}__Api__";
        if (api is null || string.IsNullOrWhiteSpace(api.Url))
        {
            if (api is not null && (Given(api.Token) || Given(api.User) || Given(api.Password)))
            {
                failures.Add($"{key}:Url is required when {key} has a Token, User or Password (without a Url the API is off)");
            }

            return;
        }

        if (!Uri.TryCreate(api.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key}:Url must be an absolute http(s) URL, e.g. https://zabbix.example.com/api_jsonrpc.php");
        }

        if (!Given(api.Token) && !(Given(api.User) && Given(api.Password)))
        {
            failures.Add($"{key} needs either Token or User and Password (set secrets from the environment, e.g. {env}Token)");
        }

        if (IsPlaceholder(api.Token))
        {
            failures.Add($"{key}:Token is still the example placeholder; set a real API token ({env}Token)");
        }

        if (IsPlaceholder(api.Password))
        {
            failures.Add($"{key}:Password is still the example placeholder; set the real password ({env}Password) or leave it empty and use a Token");
        }

        Between(failures, $"{key}:Timeout", api.Timeout, MinimumTimeout, MaximumTimeout);
        if (api.ReadRetries is < 0 or > MaximumReadRetries)
        {
            failures.Add($"{key}:ReadRetries must be between 0 and {MaximumReadRetries}");
        }

        Between(failures, $"{key}:RetryDelay", api.RetryDelay, TimeSpan.FromMilliseconds(1), MaximumRetryDelay);
        Between(failures, $"{key}:BreakDuration", api.BreakDuration, MinimumBreakDuration, MaximumBreakDuration);
        Between(failures, $"{key}:PollInterval", api.PollInterval, MinimumPollInterval, TimeSpan.FromHours(1));
        Positive(failures, $"{key}:CatchUpLimit", api.CatchUpLimit);
        Positive(failures, $"{key}:BlindAfter", api.BlindAfter);
        if (api.DeadManAfter < TimeSpan.Zero)
        {
            failures.Add($"{key}:DeadManAfter must be 00:00:00 (off) or positive");
        }
    }

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool IsPlaceholder(string? secret) => secret is not null && secret.Contains("CHANGE-ME", StringComparison.OrdinalIgnoreCase);

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{key} must be between {minimum:c} and {maximum:c}");
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive");
        }
    }
}
