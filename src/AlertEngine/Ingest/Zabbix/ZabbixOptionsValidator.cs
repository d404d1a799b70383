using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>Checks every configured Zabbix server and reports all problems, each naming its key.</summary>
public sealed partial class ZabbixOptionsValidator : IValidateOptions<ZabbixOptions>
{
    /// <summary>Shortest webhook secret accepted.</summary>
    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, ZabbixOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (server, settings) in options.Servers)
        {
            var key = $"Zabbix:Servers:{server}";
            if (!ServerName().IsMatch(server))
            {
                failures.Add($"{key}: the server name must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit (it is part of the webhook URL)");
            }

            if (settings is null || string.IsNullOrWhiteSpace(settings.WebhookSecret))
            {
                failures.Add($"{key}:WebhookSecret is required (set it from the environment, e.g. AlertEngine__Zabbix__Servers__{server}__WebhookSecret)");
            }
            else if (settings.WebhookSecret.Length < MinimumSecretLength)
            {
                failures.Add($"{key}:WebhookSecret must be at least {MinimumSecretLength} characters");
            }
            else if (settings.WebhookSecret.Contains("CHANGE-ME", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:WebhookSecret is still the example placeholder; set a real secret");
            }

            ZabbixApiOptionsValidator.Validate(server, settings?.Api, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServerName();
}
