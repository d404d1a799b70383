using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlertEngine.Outbox;
using Microsoft.Extensions.Options;

namespace AlertEngine.Reports.Delivery;

/// <summary>
/// Posts a handover report to <c>Reports:Webhook:Url</c>: the JSON report, the Markdown, or the
/// Markdown wrapped as <c>{"text": …}</c> for Slack-style chat webhooks. A 2xx is delivered; other
/// 4xx answers (but 408 and 429) are permanent; 5xx, 408, 429, timeouts and connection errors are retried by the outbox.
/// </summary>
public sealed class ReportWebhookSender(IHttpClientFactory clients, IOptions<ReportsOptions> options, ReportMetrics metrics) : IOutboxHandler
{
    public const string Kind = "report.webhook";

    /// <summary>The named HttpClient the webhook posts with.</summary>
    public const string ClientName = "reports-webhook";

    /// <summary>How long one post may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ReportWebhookOptions _webhook = options.Value.Webhook;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public OutboxTimeline Timeline { get; } = new("report", "webhook", "Handover report webhook");

    public static bool IsConfigured(ReportWebhookOptions webhook) => !string.IsNullOrWhiteSpace(webhook?.Url);

    /// <summary>The report file the webhook sends: JSON for <c>json</c>, Markdown otherwise.</summary>
    public static ReportFormat FileFormat(ReportWebhookOptions webhook) =>
        webhook?.Format == "json" ? ReportFormat.Json : ReportFormat.Markdown;

    public Task<OutboxOutcome?> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ReportWebhookPayload>(message.Payload);
        return Task.FromResult<OutboxOutcome?>(payload is null ? OutboxOutcome.Failed("the webhook's payload is empty")
            : !File.Exists(payload.File) ? OutboxOutcome.Failed($"the report file {payload.File} is gone")
            : !IsConfigured(_webhook) ? OutboxOutcome.NotNeeded("Reports:Webhook:Url is no longer set")
            : null);
    }

    public async Task<OutboxOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ReportWebhookPayload>(message.Payload)!;
        var text = await File.ReadAllTextAsync(payload.File, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Target)
        {
            Content = _webhook.Format switch
            {
                "md" => new StringContent(text, Encoding.UTF8, "text/markdown"),
                "text-json" => new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json"),
                _ => new StringContent(text, Encoding.UTF8, "application/json"),
            },
        };
        if (!string.IsNullOrEmpty(_webhook.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _webhook.BearerToken);
        }

        var outcome = await PostAsync(request, message.Target, cancellationToken);
        metrics.Delivery("webhook", outcome.Verdict == OutboxVerdict.Sent ? "sent" : outcome.Verdict == OutboxVerdict.Failed ? "failed" : "retry");
        return outcome;
    }

    private async Task<OutboxOutcome> PostAsync(HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? OutboxOutcome.Sent($"Posted to {url} ({status})")
                : status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    ? OutboxOutcome.RetryLater($"{url} answered {status}")
                    : OutboxOutcome.Failed($"{url} answered {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OutboxOutcome.RetryLater($"no answer from {url} within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return OutboxOutcome.RetryLater($"{url}: {ex.Message}");
        }
    }
}
