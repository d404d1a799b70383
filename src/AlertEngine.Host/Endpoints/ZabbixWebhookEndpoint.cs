using System.Buffers;
using System.Globalization;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>POST /api/v1/zabbix/{server}/events</c>: checks the server and its token, reads at most
/// Ingest:MaxBodyBytes, and answers 2xx only after the event is committed to the inbox.
/// </summary>
internal static class ZabbixWebhookEndpoint
{
    public const string TokenHeader = "X-AlertEngine-Token";

    public static void MapZabbixWebhook(this WebApplication app) =>
        app.MapPost("/api/v1/zabbix/{server}/events", HandleAsync);

    private static async Task<IResult> HandleAsync(
        string server,
        HttpRequest request,
        WebhookAuthenticator authenticator,
        IntakeAdmission admission,
        EventIntake intake,
        EngineMetrics metrics,
        TimeProvider time,
        IOptions<IngestOptions> options)
    {
        var started = time.GetTimestamp();
        switch (authenticator.Check(server, request.Headers[TokenHeader], out var serverName))
        {
            case WebhookAccess.UnknownServer:
                // Not the name from the URL: a label must never take a value the caller chooses.
                metrics.WebhookRequest(WebhookOutcome.UnknownServerLabel, WebhookOutcome.UnknownServer);
                return Problems.NotFound("Unknown Zabbix server", $"No Zabbix server named '{server}' is configured (Zabbix:Servers:{server}).");
            case WebhookAccess.BadToken:
                metrics.WebhookRequest(serverName, WebhookOutcome.Unauthorized);
                return Problems.Unauthorized($"The {TokenHeader} header is missing or does not match the secret configured for Zabbix server '{serverName}'.");
        }

        using var slot = admission.TryEnter();
        if (slot is null)
        {
            metrics.WebhookRequest(serverName, WebhookOutcome.Busy);
            return Problems.Unavailable($"{options.Value.MaxConcurrentRequests} webhook requests are being stored already (Ingest:MaxConcurrentRequests); the event was not stored. Retry.", options.Value.RetryAfter);
        }

        var (result, outcome) = await StoreAsync(serverName, request, intake, options.Value);
        metrics.WebhookRequest(serverName, outcome);
        if (outcome is WebhookOutcome.Accepted or WebhookOutcome.Duplicate)
        {
            metrics.WebhookStored(time.GetElapsedTime(started));
        }

        return result;
    }

    private static async Task<(IResult Result, string Outcome)> StoreAsync(string serverName, HttpRequest request, EventIntake intake, IngestOptions options)
    {
        var max = options.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return (Problems.TooLarge(max), WebhookOutcome.TooLarge);
        }

        // Rent what this body needs (one byte more proves it ended), not always Ingest:MaxBodyBytes.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? max, max) + 1);
        try
        {
            var length = await ReadAtMostAsync(request.Body, buffer, Math.Min(buffer.Length, max + 1), request.HttpContext.RequestAborted);
            if (length > max)
            {
                return (Problems.TooLarge(max), WebhookOutcome.TooLarge);
            }

            IntakeOutcome outcome;
            try
            {
                outcome = await intake.AcceptAsync(serverName, buffer.AsMemory(0, length));
            }
            catch (InboxUnavailableException)
            {
                return (Problems.Unavailable("The inbox could not be written; the event was not stored. Retry.", options.RetryAfter), WebhookOutcome.Unavailable);
            }

            return outcome switch
            {
                { Result: IntakeResult.Invalid } => (Problems.InvalidEvent(outcome.Errors), WebhookOutcome.Invalid),
                { Result: IntakeResult.Busy } => (Problems.Unavailable("The intake queue is full; the event was not stored. Retry.", options.RetryAfter), WebhookOutcome.Busy),
                { Result: IntakeResult.Duplicate } => (Results.Ok(new WebhookReply("duplicate", outcome.Key!.EventId, outcome.Key.UpdateKey)), WebhookOutcome.Duplicate),
                _ => (Results.Accepted(value: new WebhookReply("accepted", outcome.Key!.EventId, outcome.Key.UpdateKey)), WebhookOutcome.Accepted),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<int> ReadAtMostAsync(Stream body, byte[] buffer, int limit, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>The 2xx body: stored now, or already stored.</summary>
    internal sealed record WebhookReply(string Status, string EventId, string UpdateKey);

    private static class Problems
    {
        public static IResult NotFound(string title, string detail) => Results.Problem(detail, statusCode: 404, title: title);

        public static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: 401, title: "Unauthorized");

        public static IResult TooLarge(int max) => Results.Problem(
            $"The body is larger than {max.ToString(CultureInfo.InvariantCulture)} bytes (Ingest:MaxBodyBytes).", statusCode: 413, title: "Event too large");

        public static RetryAfterResult Unavailable(string detail, TimeSpan retryAfter) => new(
            Results.Problem(detail, statusCode: 503, title: "Try again later"), retryAfter);

        public static IResult InvalidEvent(IReadOnlyList<PayloadError> errors) => Results.Problem(
            detail: string.Join("; ", errors),
            statusCode: 400,
            title: "Invalid Zabbix event",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
            });
    }

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
