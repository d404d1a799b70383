namespace AlertEngine.Reports;

/// <summary>
/// The shift-handover report and the status page (section <c>Reports</c>): when reports are
/// written, in which language and formats, where they go, and who gets them by mail or webhook.
/// </summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>The shift changes when no <see cref="Schedules"/> are given: the start (09:30) and end (18:00) of the business day, every day.</summary>
    public static readonly IReadOnlyList<string> DefaultSchedules = ["0 30 9 * * ?", "0 0 18 * * ?"];

    /// <summary>
    /// When a report is written: Quartz cron expressions (seconds minutes hours day-of-month month
    /// day-of-week), in <see cref="TimeZone"/>. Each run reports the shift since the previous run of
    /// any of them. Empty (the default): 09:30 and 18:00 every day (<see cref="DefaultSchedules"/>).
    /// </summary>
    public List<string> Schedules { get; set; } = [];

    /// <summary>Whether the schedules run at all; the command and the status page work either way. Default true.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>The team's time zone (IANA id) for the schedules and the times shown. Empty (the default): the rules' time zone (Asia/Shanghai unless rules say otherwise).</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The language of the labels: <c>en</c> (default) or <c>zh-CN</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The folder reports are written to, as <c>handover-yyyyMMdd-HHmm.{html,md,json}</c> (the shift's end, team time). Default <c>data/reports</c>.</summary>
    public string Folder { get; set; } = "data/reports";

    /// <summary>The formats written to <see cref="Folder"/> for each shift: any of <c>html</c>, <c>md</c>, <c>json</c>. Empty (the default): all three.</summary>
    public List<string> Formats { get; set; } = [];

    /// <summary>How often the status page at <c>/</c> reloads itself. Default 00:00:30; 00:00:05 to 00:10:00.</summary>
    public TimeSpan StatusRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mailing each report to the team (SMTP through MailKit); off while <see cref="ReportMailOptions.SmtpHost"/> is empty.</summary>
    public ReportMailOptions Mail { get; set; } = new();

    /// <summary>Posting each report to a webhook (e.g. a chat bot relay); off while <see cref="ReportWebhookOptions.Url"/> is empty.</summary>
    public ReportWebhookOptions Webhook { get; set; } = new();
}

/// <summary>Mailing reports (section <c>Reports:Mail</c>): the HTML report as the body, the Markdown as its plain-text part.</summary>
public sealed class ReportMailOptions
{
    /// <summary>The SMTP server's host name; empty (the default) turns mail off.</summary>
    public string SmtpHost { get; set; } = "";

    /// <summary>The SMTP port. Default 587 (submission with STARTTLS); 465 for TLS on connect; 25 inside a trusted network.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// Transport security: <c>StartTls</c> (default: required), <c>SslOnConnect</c> (port 465),
    /// <c>StartTlsWhenAvailable</c>, or <c>None</c> (plain text, trusted networks only).
    /// </summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>The SMTP user name; empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The SMTP password; a secret: set it from the environment (<c>AlertEngine__Reports__Mail__Password</c>).</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender address, e.g. <c>AlertEngine &lt;alertengine@example.com&gt;</c>. Required when mail is on.</summary>
    public string From { get; set; } = "";

    /// <summary>The team list and anyone else who gets each report. At least one when mail is on.</summary>
    public List<string> To { get; set; } = [];
}

/// <summary>Posting reports to a webhook (section <c>Reports:Webhook</c>).</summary>
public sealed class ReportWebhookOptions
{
    /// <summary>The URL each report is POSTed to; empty (the default) turns it off.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The body: <c>json</c> (the JSON report, application/json; the default), <c>md</c> (the Markdown
    /// report, text/markdown) or <c>text-json</c> (<c>{"text": "…markdown…"}</c>, what Slack-style chat webhooks take).
    /// </summary>
    public string Format { get; set; } = "json";

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set; a secret: set it from the environment.</summary>
    public string BearerToken { get; set; } = "";
}
