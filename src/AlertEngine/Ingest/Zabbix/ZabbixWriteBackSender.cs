using System.Text.Json;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Outbox;
using AlertEngine.Tickets;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// Sends the Zabbix write-backs the tickets planned (<see cref="ZabbixWriteBack"/>): zabbix.acknowledge
/// and zabbix.message as one <c>event.acknowledge</c> call; zabbix.close asks whether the triggers
/// allow manual close and closes with the message where they do, adds the message with a note
/// where they do not. The check reads the events back from Zabbix: all gone → not needed; our
/// exact message already among their acknowledgements → already sent (a crash or a lost answer
/// after the call), recorded as sent without a second call. Failures are classified by
/// <see cref="ZabbixApiException.Retryable"/>.
/// </summary>
public sealed class ZabbixWriteBackSender(IZabbixApiClients clients, ZabbixWriteBack writeBack) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [ZabbixWriteBack.AcknowledgeKind, ZabbixWriteBack.MessageKind, ZabbixWriteBack.CloseKind];

    public OutboxTimeline Timeline { get; } = new("write-back", "zabbix", "Zabbix write-back");

    public async Task<OutboxOutcome?> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Prepare(message, out var api, out var payload) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<ZabbixApiEvent> events;
        try
        {
            events = await api.GetEventsAsync(payload.EventIds, cancellationToken);
        }
        catch (ZabbixApiException ex)
        {
            return Classify("reading the events back", ex);
        }

        var ids = Ids(payload.EventIds);
        if (events.Count == 0)
        {
            return OutboxOutcome.NotNeeded($"Zabbix on {message.Target} no longer holds events {ids}");
        }

        string[] ours = message.Kind == ZabbixWriteBack.CloseKind
            ? [payload.Message, ZabbixWriteBack.NoManualCloseMessage(payload.Message)]
            : [payload.Message];
        if (events.All(e => e.Acknowledges.Any(a => ours.Contains(a.Message, StringComparer.Ordinal))))
        {
            return OutboxOutcome.Sent($"Zabbix on {message.Target} already holds the write-back on events {Ids([.. events.Select(e => e.EventId)])} "
                + $"(written before a restart or a lost answer): {payload.Message}");
        }

        if (message.Kind == ZabbixWriteBack.CloseKind && events.All(e => e.RecoveryEventId is not null))
        {
            return OutboxOutcome.NotNeeded($"events {ids} on {message.Target} have already recovered in Zabbix");
        }

        return null;
    }

    public async Task<OutboxOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Prepare(message, out var api, out var payload) is { } refused)
        {
            return refused;
        }

        try
        {
            return message.Kind == ZabbixWriteBack.CloseKind
                ? await CloseAsync(api, message.Target, payload, cancellationToken)
                : await UpdateAsync(api, message, payload, cancellationToken);
        }
        catch (ZabbixApiException ex)
        {
            return Classify("event.acknowledge", ex);
        }
    }

    private static async Task<OutboxOutcome> UpdateAsync(IZabbixServerApi api, OutboxMessage message, ZabbixWriteBackPayload payload, CancellationToken cancellationToken)
    {
        await api.AcknowledgeAsync(new ZabbixAcknowledgeRequest(payload.EventIds, payload.Action, payload.Message), cancellationToken);
        var done = payload.Action.HasFlag(ZabbixUpdateActions.Acknowledge) ? "Acknowledged" : "Added a message to";
        return OutboxOutcome.Sent($"{done} Zabbix events {Ids(payload.EventIds)} on {message.Target}: {payload.Message}");
    }

    private static async Task<OutboxOutcome> CloseAsync(IZabbixServerApi api, string server, ZabbixWriteBackPayload payload, CancellationToken cancellationToken)
    {
        var triggers = payload.TriggerIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var manualClose = triggers.Count == 0 ? new Dictionary<string, bool>() : await api.GetManualCloseAsync(triggers, cancellationToken);
        var events = payload.EventIds.Select((id, i) => (Id: id, Closable: payload.TriggerIds.ElementAtOrDefault(i) is { } t && manualClose.GetValueOrDefault(t))).ToList();
        var closable = events.Where(e => e.Closable).Select(e => e.Id).ToList();
        var messageOnly = events.Where(e => !e.Closable).Select(e => e.Id).ToList();
        var lines = new List<string>();
        if (closable.Count > 0)
        {
            await api.AcknowledgeAsync(new ZabbixAcknowledgeRequest(closable, payload.Action, payload.Message), cancellationToken);
            lines.Add($"Closed Zabbix events {Ids(closable)} on {server}: {payload.Message}");
        }

        if (messageOnly.Count > 0)
        {
            var note = ZabbixWriteBack.NoManualCloseMessage(payload.Message);
            await api.AcknowledgeAsync(new ZabbixAcknowledgeRequest(messageOnly, ZabbixUpdateActions.AddMessage, note), cancellationToken);
            lines.Add($"Added a message to Zabbix events {Ids(messageOnly)} on {server}: {note}");
        }

        return OutboxOutcome.Sent(string.Join("; ", lines));
    }

    /// <summary>Finds the server's API and reads the payload; an outcome when the row cannot be sent.</summary>
    private OutboxOutcome? Prepare(OutboxMessage message, out IZabbixServerApi api, out ZabbixWriteBackPayload payload)
    {
        api = null!;
        payload = null!;
        if (!writeBack.WritesBack(message.Target))
        {
            return OutboxOutcome.NotNeeded($"write-back to {message.Target} is turned off (Zabbix:Servers:{message.Target}:Api)");
        }

        if (clients.Find(message.Target) is not { } found)
        {
            return OutboxOutcome.NotNeeded($"no Zabbix API client for {message.Target}");
        }

        try
        {
            payload = ZabbixWriteBack.Deserialize(message.Payload);
        }
        catch (JsonException ex)
        {
            return OutboxOutcome.Failed($"unreadable payload: {ex.Message}");
        }

        api = found;
        return null;
    }

    private static OutboxOutcome Classify(string doing, ZabbixApiException ex)
    {
        var method = string.IsNullOrEmpty(ex.Method) ? doing : ex.Method;
        var detail = ex.Data is { Length: > 0 } data && !ex.Message.Contains(data, StringComparison.Ordinal) ? $" ({data})" : "";
        var reason = $"{method}: {ex.Message}{detail}";
        return ex.Retryable ? OutboxOutcome.RetryLater(reason) : OutboxOutcome.Failed(reason);
    }

    private static string Ids(IReadOnlyList<string> ids) => string.Join(", ", ids);
}
