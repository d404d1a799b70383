using AlertEngine.Reports;

namespace AlertEngine.UnitTests.Reports;

/// <summary>Every bad <c>Reports</c> value is reported, each naming its key.</summary>
public sealed class ReportsOptionsValidatorTests
{
    // rule, how to break the options, the key the failure names
    public static TheoryData<string, Action<ReportsOptions>, string> Broken => new()
    {
        { "not a cron expression", o => o.Schedules.Add("every morning"), "Reports:Schedules:0" },
        { "cron with five fields", o => o.Schedules.Add("30 9 * * *"), "Reports:Schedules:0" },
        { "unknown time zone", o => o.TimeZone = "Mars/Olympus", "Reports:TimeZone" },
        { "unknown language", o => o.Language = "fr", "Reports:Language" },
        { "no folder", o => o.Folder = " ", "Reports:Folder" },
        { "unknown format", o => o.Formats.Add("pdf"), "Reports:Formats:0" },
        { "refresh too fast", o => o.StatusRefresh = TimeSpan.FromSeconds(1), "Reports:StatusRefresh" },
        { "mail without a sender", o => Mail(o).From = "", "Reports:Mail:From" },
        { "mail without recipients", o => Mail(o).To.Clear(), "Reports:Mail:To" },
        { "mail to a non-address", o => Mail(o).To.Add("ops team"), "Reports:Mail:To:1" },
        { "unknown security", o => Mail(o).Security = "tls1.3", "Reports:Mail:Security" },
        { "port out of range", o => Mail(o).SmtpPort = 70000, "Reports:Mail:SmtpPort" },
        { "password without user", o => Mail(o).Password = "secret", "Reports:Mail:Password" },
        { "webhook not a URL", o => o.Webhook.Url = "chat.example.com/hook", "Reports:Webhook:Url" },
        { "webhook unknown format", o => (o.Webhook.Url, o.Webhook.Format) = ("https://chat.example.com/hook", "xml"), "Reports:Webhook:Format" },
    };

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new ReportsOptionsValidator().Validate(null, new ReportsOptions()).Succeeded);

    [Fact]
    public void Validate_MailAndWebhookConfigured_Succeed()
    {
        var options = new ReportsOptions { Language = "zh-CN", Schedules = ["0 0 8 ? * MON-FRI"], Formats = ["md"], TimeZone = "Europe/London" };
        Mail(options);
        options.Webhook.Url = "https://chat.example.com/hook";

        Assert.True(new ReportsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BadValue_FailsNamingTheKey(string rule, Action<ReportsOptions> breakIt, string key)
    {
        var options = new ReportsOptions();
        breakIt(options);

        var result = new ReportsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, rule);
        Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsThemAll()
    {
        var options = new ReportsOptions { Language = "fr", Folder = "", Schedules = ["x"] };

        Assert.Equal(3, new ReportsOptionsValidator().Validate(null, options).Failures!.Count());
    }

    private static ReportMailOptions Mail(ReportsOptions options)
    {
        if (options.Mail.SmtpHost.Length == 0)
        {
            options.Mail = new ReportMailOptions { SmtpHost = "smtp.example.com", From = "AlertEngine <alertengine@example.com>", To = ["ops@example.com"] };
        }

        return options.Mail;
    }
}
