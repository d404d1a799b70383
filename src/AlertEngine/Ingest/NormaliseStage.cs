using AlertEngine.Ingest.Zabbix;
using AlertEngine.Pipeline;

namespace AlertEngine.Ingest;

/// <summary>
/// Reads the stored body into a <see cref="ZabbixEvent"/>. The webhook validated it before
/// storing, so a failure here means the row is damaged: it throws and the runner sets the
/// event aside as poisoned. Event times far ahead of their arrival are reported (EventClockMonitor).
/// </summary>
public sealed class NormaliseStage(EventClockMonitor clocks) : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = ZabbixWebhookPayload.Parse(context.Inbox.Server, System.Text.Encoding.UTF8.GetBytes(context.Inbox.Payload));
        if (!result.IsValid)
        {
            throw new InvalidDataException($"stored event body no longer parses: {string.Join("; ", result.Errors)}");
        }

        clocks.Check(result.Event!, context.Inbox.ReceivedAt);
        return ValueTask.FromResult(StageOutcome.Continue(context with { Event = result.Event }));
    }
}
