using System.Globalization;
using System.Text;
using System.Text.Json;
using AlertEngine.Classify;
using AlertEngine.Outbox;
using AlertEngine.Reports.Delivery;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Reports;

/// <summary>
/// Writes a shift's handover report into <c>Reports:Folder</c> (one file per format, dated by the
/// shift's end on the team's clock) and plans its deliveries: one outbox row for the mail and one
/// for the webhook, when configured, keyed by the shift so that a second run for the same shift
/// delivers nothing twice. The outbox sender then sends them, retrying with backoff
/// (<c>Outbox:*</c>), and a delivery that gives up is logged and shown on the status page.
/// </summary>
public sealed partial class HandoverReports(
    RuleSetProvider rules,
    SqliteConnectionFactory connections,
    WriteGate gate,
    OutboxDoorbell doorbell,
    TimeProvider time,
    IOptions<ReportsOptions> options,
    ReportMetrics metrics,
    ILogger<HandoverReports> logger)
{
    private readonly ReportsOptions _options = options.Value;

    /// <summary>The labels' language.</summary>
    public ReportLanguage Language => ReportLanguageNames.TryParse(_options.Language, out var language) ? language : ReportLanguage.En;

    /// <summary>The team's zone: <c>Reports:TimeZone</c>, else the rules' zone.</summary>
    public TimeZoneInfo TimeZone => ZoneOf(_options, rules.Current);

    /// <summary>The shift changes in the team's zone.</summary>
    public ShiftSchedule Schedule => ShiftSchedule.From(_options, TimeZone);

    /// <summary>The zone the options name, else the rules' zone.</summary>
    public static TimeZoneInfo ZoneOf(ReportsOptions options, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        return string.IsNullOrWhiteSpace(options.TimeZone) ? rules.Settings.TimeZone : RuleTimeZone.Find(options.TimeZone) ?? rules.Settings.TimeZone;
    }

    /// <summary>The report of a shift, from the database and the current rules.</summary>
    public HandoverReport Build(ReportShift shift)
    {
        using var connection = connections.Open();
        return HandoverReportBuilder.Build(connection, rules.Current, shift, time.GetUtcNow(), Language);
    }

    /// <summary>The formats written to the folder (all three unless <c>Reports:Formats</c> says otherwise), plus those a delivery needs.</summary>
    public IReadOnlyList<ReportFormat> FormatsToWrite()
    {
        var formats = _options.Formats.Count == 0
            ? [ReportFormat.Html, ReportFormat.Markdown, ReportFormat.Json]
            : _options.Formats.Select(f => ReportFormatNames.TryParse(f, out var format) ? format : ReportFormat.Html).ToList();
        if (ReportMailSender.IsConfigured(_options.Mail))
        {
            formats.AddRange([ReportFormat.Html, ReportFormat.Markdown]);
        }

        if (ReportWebhookSender.IsConfigured(_options.Webhook))
        {
            formats.Add(ReportWebhookSender.FileFormat(_options.Webhook));
        }

        return [.. formats.Distinct().Order()];
    }

    /// <summary>
    /// Writes the shift's report and plans its deliveries; returns the files written. A failure is
    /// logged and counted and rethrown to the caller (the job logs it and runs again at the next change).
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAndDeliverAsync(ReportShift shift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shift);
        try
        {
            var report = Build(shift);
            var files = await WriteAsync(report, cancellationToken);
            await PlanDeliveriesAsync(report, files, cancellationToken);
            metrics.Written(true);
            var written = string.Join(", ", files.Values);
            LogWritten(logger, shift.From, shift.To, report.OpenTickets.Count, written);
            return [.. files.Values];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Written(false);
            LogFailed(logger, shift.From, shift.To, ex);
            throw;
        }
    }

    /// <summary>The file name of a shift's report: <c>handover-yyyyMMdd-HHmm</c> of the shift's end on the team's clock, and the format's extension.</summary>
    public static string FileName(ReportShift shift, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return "handover-" + shift.Local(shift.To).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + format.Extension();
    }

    private async Task<Dictionary<ReportFormat, string>> WriteAsync(HandoverReport report, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(_options.Folder);
        Directory.CreateDirectory(folder);
        var files = new Dictionary<ReportFormat, string>();
        foreach (var format in FormatsToWrite())
        {
            var path = Path.Combine(folder, FileName(report.Shift, format));
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, ReportRendering.Render(report, format, Language), new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            files[format] = path;
        }

        return files;
    }

    private async Task PlanDeliveriesAsync(HandoverReport report, Dictionary<ReportFormat, string> files, CancellationToken cancellationToken)
    {
        var planned = new List<NewOutboxMessage>();
        var shiftKey = $"{report.Shift.From.ToUnixTimeMilliseconds()}-{report.Shift.To.ToUnixTimeMilliseconds()}";
        if (ReportMailSender.IsConfigured(_options.Mail))
        {
            var mail = new ReportMailPayload(ReportMailSender.Subject(report, Language), files[ReportFormat.Html], files[ReportFormat.Markdown]);
            planned.Add(new NewOutboxMessage(ReportMailSender.Kind, null, string.Join(", ", _options.Mail.To), JsonSerializer.Serialize(mail), $"{ReportMailSender.Kind}:{shiftKey}"));
        }

        if (ReportWebhookSender.IsConfigured(_options.Webhook))
        {
            var webhook = new ReportWebhookPayload(files[ReportWebhookSender.FileFormat(_options.Webhook)]);
            planned.Add(new NewOutboxMessage(ReportWebhookSender.Kind, null, _options.Webhook.Url, JsonSerializer.Serialize(webhook), $"{ReportWebhookSender.Kind}:{shiftKey}"));
        }

        if (planned.Count == 0)
        {
            return;
        }

        using var connection = connections.Open();
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            foreach (var message in planned)
            {
                OutboxStore.Add(session, message, time.GetUtcNow());
            }

            transaction.Commit();
        }

        doorbell.Ring();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover report for {From:u} to {To:u} written ({OpenTickets} open tickets): {Files}")]
    private static partial void LogWritten(ILogger logger, DateTimeOffset from, DateTimeOffset to, int openTickets, string files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handover report for {From:u} to {To:u} could not be written; the next shift change tries again")]
    private static partial void LogFailed(ILogger logger, DateTimeOffset from, DateTimeOffset to, Exception exception);
}
