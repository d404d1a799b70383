using System.Text;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.Ingest;

/// <summary>The result of offering one webhook body to the inbox.</summary>
public sealed record IntakeOutcome(IntakeResult Result, InboxKey? Key, IReadOnlyList<PayloadError> Errors);

/// <summary>
/// Validates a webhook body and stores it in the inbox (idempotent on its <see cref="InboxKey"/>).
/// Completes only once the event is committed; an invalid body stores nothing.
/// </summary>
public sealed class EventIntake(InboxWriter writer, WebhookActivity activity, TimeProvider time)
{
    public const string WebhookSource = "webhook";

    public async Task<IntakeOutcome> AcceptAsync(string server, ReadOnlyMemory<byte> body)
    {
        var parsed = ZabbixWebhookPayload.Parse(server, body);
        if (!parsed.IsValid)
        {
            return new IntakeOutcome(IntakeResult.Invalid, null, parsed.Errors);
        }

        var e = parsed.Event!;
        var key = InboxKey.For(e);
        var incoming = new IncomingEvent(key, e.Kind, e.Severity, e.TriggerId, WebhookSource, Encoding.UTF8.GetString(body.Span));
        var result = await writer.WriteAsync(incoming);
        if (result is IntakeResult.Accepted or IntakeResult.Duplicate)
        {
            activity.Seen(server, time.GetUtcNow());
        }

        return new IntakeOutcome(result, key, []);
    }
}
