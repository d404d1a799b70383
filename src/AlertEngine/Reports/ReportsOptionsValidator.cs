using AlertEngine.Classify;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace AlertEngine.Reports;

/// <summary>Checks <see cref="ReportsOptions"/> and reports every failure, each naming its key.</summary>
public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            if (!CronExpression.TryParse(options.Schedules[i] ?? "", out _))
            {
                failures.Add($"Reports:Schedules:{i} must be a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 30 9 * * ?'); it is '{options.Schedules[i]}'");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && RuleTimeZone.Find(options.TimeZone) is null)
        {
            failures.Add($"Reports:TimeZone must be an IANA time zone id such as Asia/Shanghai, or empty for the rules' zone; it is '{options.TimeZone}'");
        }

        if (!ReportLanguageNames.TryParse(options.Language, out _))
        {
            failures.Add($"Reports:Language must be en or zh-CN; it is '{options.Language}'");
        }

        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            failures.Add("Reports:Folder must name a folder (default data/reports)");
        }

        for (var i = 0; i < options.Formats.Count; i++)
        {
            if (!ReportFormatNames.TryParse(options.Formats[i], out _))
            {
                failures.Add($"Reports:Formats:{i} must be html, md or json; it is '{options.Formats[i]}'");
            }
        }

        if (options.StatusRefresh < TimeSpan.FromSeconds(5) || options.StatusRefresh > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Reports:StatusRefresh must be between 00:00:05 and 00:10:00; it is {options.StatusRefresh}");
        }

        ValidateMail(options.Mail, failures);
        ValidateWebhook(options.Webhook, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The security option as MailKit spells it; false for an unknown word.</summary>
    public static bool TryParseSecurity(string? text, out SecureSocketOptions security)
    {
        security = SecureSocketOptions.StartTls;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "starttls" or "":
                return true;
            case "sslonconnect":
                security = SecureSocketOptions.SslOnConnect;
                return true;
            case "starttlswhenavailable":
                security = SecureSocketOptions.StartTlsWhenAvailable;
                return true;
            case "none":
                security = SecureSocketOptions.None;
                return true;
            default:
                return false;
        }
    }

    private static void ValidateMail(ReportMailOptions mail, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(mail.SmtpHost))
        {
            return;
        }

        if (mail.SmtpPort is < 1 or > 65535)
        {
            failures.Add($"Reports:Mail:SmtpPort must be between 1 and 65535; it is {mail.SmtpPort}");
        }

        if (!TryParseSecurity(mail.Security, out _))
        {
            failures.Add($"Reports:Mail:Security must be StartTls, SslOnConnect, StartTlsWhenAvailable or None; it is '{mail.Security}'");
        }

        if (!MailboxAddress.TryParse(mail.From ?? "", out _))
        {
            failures.Add($"Reports:Mail:From must be a mail address (e.g. AlertEngine <alertengine@example.com>) when Reports:Mail:SmtpHost is set; it is '{mail.From}'");
        }

        if (mail.To.Count == 0)
        {
            failures.Add("Reports:Mail:To must list at least one address when Reports:Mail:SmtpHost is set");
        }

        for (var i = 0; i < mail.To.Count; i++)
        {
            if (!MailboxAddress.TryParse(mail.To[i] ?? "", out _))
            {
                failures.Add($"Reports:Mail:To:{i} must be a mail address; it is '{mail.To[i]}'");
            }
        }

        if (mail.Password.Length > 0 && string.IsNullOrWhiteSpace(mail.UserName))
        {
            failures.Add("Reports:Mail:Password is set without Reports:Mail:UserName");
        }
    }

    private static void ValidateWebhook(ReportWebhookOptions webhook, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(webhook.Url))
        {
            return;
        }

        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Reports:Webhook:Url must be an absolute http or https URL; it is '{webhook.Url}'");
        }

        if (webhook.Format is not ("json" or "md" or "text-json"))
        {
            failures.Add($"Reports:Webhook:Format must be json, md or text-json; it is '{webhook.Format}'");
        }
    }
}
