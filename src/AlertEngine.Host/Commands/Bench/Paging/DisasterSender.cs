using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AlertEngine.Host.Endpoints;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>One disaster the paging benchmark sent: its trigger, and when the webhook answered 2xx (a <see cref="TimeProvider.System"/> timestamp; null when it never did).</summary>
/// <param name="Index">Which disaster: its trigger, event and host derive from it.</param>
/// <param name="TriggerId">Its Zabbix trigger id.</param>
/// <param name="EventId">Its problem event id.</param>
/// <param name="AnsweredAt">When the webhook answered 2xx.</param>
/// <param name="RequestedAt">When the request that was answered 2xx started (the webhook's own wait for the disk lies between the two).</param>
/// <param name="Attempts">Requests it took (a 503 or no answer is sent again).</param>
/// <param name="Failure">Why it was never answered 2xx, or the last reason it was sent again.</param>
/// <param name="Warmup">One of the first pages after the start: checked like the others, reported apart from the latency figures.</param>
internal sealed record DisasterSent(int Index, string TriggerId, string EventId, long? AnsweredAt, long? RequestedAt, int Attempts, string? Failure, bool Warmup = false);

/// <summary>
/// Sends disaster events (Zabbix severity 5, so L1 by the shipped rules), each on a trigger and
/// host of its own so that each opens a new ticket and pages at once. A 503 is sent again after its
/// Retry-After, no answer after a second, up to <see cref="MaxAttempts"/> times.
/// </summary>
internal sealed class DisasterSender(HttpClient client, LoadTarget target)
{
    public const int MaxAttempts = 20;

    /// <summary>Disaster trigger ids start here: far from the storm's (300,000 + key) and the ingest bench's.</summary>
    public const int FirstTriggerId = 900_000;

    private static readonly TimeSpan NoAnswerRetry = TimeSpan.FromSeconds(1);

    public static string TriggerId(int index) => (FirstTriggerId + index).ToString(CultureInfo.InvariantCulture);

    public static string EventId(int index) => (3_000_000_000L + (2L * index)).ToString(CultureInfo.InvariantCulture);

    public static string Host(int index) => $"srv-pager-db{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public async Task<DisasterSent> SendAsync(int index, CancellationToken cancellationToken)
    {
        var body = Body(index, TimeProvider.System.GetUtcNow());
        string? failure = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.EventsUri) { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation(ZabbixWebhookEndpoint.TokenHeader, target.Token);
            TimeSpan wait;
            try
            {
                var requestedAt = TimeProvider.System.GetTimestamp();
                using var response = await client.SendAsync(request, cancellationToken);
                var answeredAt = TimeProvider.System.GetTimestamp();
                var status = (int)response.StatusCode;
                if (status is 200 or 202)
                {
                    return new DisasterSent(index, TriggerId(index), EventId(index), answeredAt, requestedAt, attempt, null);
                }

                if (status != 503)
                {
                    return new DisasterSent(index, TriggerId(index), EventId(index), null, null, attempt, $"answered {status}");
                }

                failure = "503 busy";
                wait = response.Headers.RetryAfter?.Delta ?? NoAnswerRetry;
            }
            catch (HttpRequestException ex)
            {
                failure = "no answer: " + ex.Message;
                wait = NoAnswerRetry;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "no answer in time";
                wait = NoAnswerRetry;
            }

            await Task.Delay(wait, TimeProvider.System, cancellationToken);
        }

        return new DisasterSent(index, TriggerId(index), EventId(index), null, null, MaxAttempts, $"no 2xx after {MaxAttempts} attempts (last: {failure})");
    }

    /// <summary>The webhook body of disaster <paramref name="index"/>, shaped like samples/zabbix/payloads/problem.json.</summary>
    public static ReadOnlyMemory<byte> Body(int index, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var host = Host(index);
            json.WriteStartObject();
            json.WriteString("event_id", EventId(index));
            json.WriteNumber("value", 1);
            json.WriteNumber("update_status", 0);
            json.WriteNumber("severity", 5);
            json.WriteString("event_name", $"Database cluster down: every node unreachable on {host}");
            json.WriteString("trigger_id", TriggerId(index));
            json.WriteString("host", host);
            json.WriteString("host_name", host);
            json.WriteStartArray("host_groups");
            json.WriteStringValue("Customers/pager");
            json.WriteStringValue("Database servers");
            json.WriteEndArray();
            json.WriteStartArray("tags");
            json.WriteStartObject();
            json.WriteString("tag", "scope");
            json.WriteString("value", "availability");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNumber("clock", now.ToUnixTimeSeconds());
            json.WriteNumber("event_source", 0);
            json.WriteBoolean("acknowledged", false);
            json.WriteString("opdata", "Nodes up: 0 of 3");
            json.WriteString("zabbix_url", "https://zabbix.example.com/");
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
