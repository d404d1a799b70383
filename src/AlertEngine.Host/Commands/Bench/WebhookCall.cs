using AlertEngine.Host.Endpoints;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>How one webhook call ended: an HTTP status (with or without Retry-After), no answer, or the client's timeout.</summary>
/// <param name="Status">The HTTP status; 0 when there was no answer.</param>
/// <param name="RetryAfter">The answer carried a Retry-After header.</param>
/// <param name="Failed">No HTTP answer: connection refused or reset, protocol error.</param>
/// <param name="TimedOut">No answer within the client's timeout.</param>
internal readonly record struct CallOutcome(int Status, bool RetryAfter, bool Failed, bool TimedOut)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// One webhook call as the Zabbix media type makes it: POST the body with the token header, and
/// wait for the whole answer. Shared by the closed-loop workers and the fixed-rate sender, so that
/// both send byte-for-byte the same requests and classify answers the same way.
/// </summary>
internal static class WebhookCall
{
    public static async Task<CallOutcome> SendAsync(HttpClient client, LoadTarget target, byte[] body, int length, CancellationToken cancellationToken)
    {
        // The content wraps the caller's buffer without copying; the caller reuses it only after this returns.
        using var request = new HttpRequestMessage(HttpMethod.Post, target.EventsUri) { Content = new ByteArrayContent(body, 0, length) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation(ZabbixWebhookEndpoint.TokenHeader, target.Token);
        try
        {
            // Completes once the whole answer body is read, like a webhook sender that waits for the reply.
            using var response = await client.SendAsync(request, cancellationToken);
            return new CallOutcome((int)response.StatusCode, response.Headers.RetryAfter is not null, Failed: false, TimedOut: false);
        }
        catch (HttpRequestException)
        {
            return new CallOutcome(0, RetryAfter: false, Failed: true, TimedOut: false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CallOutcome(0, RetryAfter: false, Failed: false, TimedOut: true);
        }
    }
}
