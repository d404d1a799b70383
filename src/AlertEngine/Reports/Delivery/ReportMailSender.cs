using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using AlertEngine.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlertEngine.Reports.Delivery;

/// <summary>
/// Mails a handover report to <c>Reports:Mail:To</c> over SMTP (MailKit): the HTML report as the
/// body, the Markdown as the plain-text part. The SMTP server's 5xx replies and failed logins are
/// permanent (the row fails, the status page says so); connection trouble, timeouts and 4xx
/// replies are retried by the outbox. SMTP cannot be asked whether a mail went out, so a crash in
/// the middle of a send may mail the report twice: harmless for a report, never the case for a page.
/// </summary>
public sealed class ReportMailSender(IOptions<ReportsOptions> options, ReportMetrics metrics) : IOutboxHandler
{
    public const string Kind = "report.mail";

    /// <summary>How long one SMTP exchange may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ReportMailOptions _mail = options.Value.Mail;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public OutboxTimeline Timeline { get; } = new("report", "mail", "Handover report mail");

    public static bool IsConfigured(ReportMailOptions mail) => !string.IsNullOrWhiteSpace(mail?.SmtpHost);

    /// <summary>The subject: the shift on the team's clock, open and breached counts.</summary>
    public static string Subject(HandoverReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var from = report.Shift.Local(report.Shift.From).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var to = report.Shift.Local(report.Shift.To).ToString(report.Shift.Local(report.Shift.To).Date == report.Shift.Local(report.Shift.From).Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var open = report.OpenTickets.Count;
        var breached = report.Activity.Breached.Count;
        return language == ReportLanguage.ZhCn
            ? $"[AlertEngine] 交接班报告 {from}–{to}：未关闭 {open}，违约 {breached}"
            : $"[AlertEngine] Shift handover {from}–{to}: {open} open, {breached} breached";
    }

    public Task<OutboxOutcome?> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ReportMailPayload>(message.Payload);
        return Task.FromResult<OutboxOutcome?>(payload is null ? OutboxOutcome.Failed("the mail's payload is empty")
            : !File.Exists(payload.HtmlFile) || !File.Exists(payload.TextFile) ? OutboxOutcome.Failed($"the report file {payload.HtmlFile} is gone")
            : !IsConfigured(_mail) ? OutboxOutcome.NotNeeded("Reports:Mail:SmtpHost is no longer set")
            : null);
    }

    public async Task<OutboxOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ReportMailPayload>(message.Payload)!;
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(_mail.From));
        mail.To.AddRange(_mail.To.Select(MailboxAddress.Parse));
        mail.Subject = payload.Subject;
        mail.Body = new BodyBuilder
        {
            HtmlBody = await File.ReadAllTextAsync(payload.HtmlFile, cancellationToken),
            TextBody = await File.ReadAllTextAsync(payload.TextFile, cancellationToken),
        }.ToMessageBody();

        var outcome = await SendAsync(mail, cancellationToken);
        metrics.Delivery("mail", outcome.Verdict == OutboxVerdict.Sent ? "sent" : outcome.Verdict == OutboxVerdict.Failed ? "failed" : "retry");
        return outcome;
    }

    private async Task<OutboxOutcome> SendAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        _ = ReportsOptionsValidator.TryParseSecurity(_mail.Security, out var security);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_mail.SmtpHost, _mail.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrWhiteSpace(_mail.UserName))
            {
                await client.AuthenticateAsync(_mail.UserName, _mail.Password, cancellationToken);
            }

            var reply = await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return OutboxOutcome.Sent($"Mailed to {string.Join(", ", _mail.To)} through {_mail.SmtpHost}:{_mail.SmtpPort} ({reply.Trim()})");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return OutboxOutcome.Failed($"the SMTP server refused it: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (AuthenticationException ex)
        {
            return OutboxOutcome.Failed($"the SMTP login as {_mail.UserName} failed: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException)
        {
            return OutboxOutcome.RetryLater($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
