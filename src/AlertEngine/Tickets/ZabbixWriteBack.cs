using System.Text.Json;
using System.Text.Json.Serialization;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Outbox;
using AlertEngine.Storage;
using Microsoft.Extensions.Options;

namespace AlertEngine.Tickets;

/// <summary>
/// Plans what AlertEngine writes back into Zabbix, as outbox rows in the caller's transaction
/// (the ticket change that needs them): an acknowledgement with a message saying who, how and
/// which ticket; a message naming a PROBLEM ticket that opened; a close (or a message where the
/// trigger does not allow manual close) when a ticket is resolved. One row per Zabbix server
/// among the ticket's still-unrecovered events, and only for servers with an API
/// (<c>Zabbix:Servers:{name}:Api:Url</c>) and <c>Api:WriteBack</c> on. No HTTP here: the
/// Zabbix write-back sender makes the calls. The texts and targets are pure functions.
/// </summary>
public sealed class ZabbixWriteBack(IOptions<ZabbixOptions> options)
{
    /// <summary>Starts every message AlertEngine writes into Zabbix; an update carrying it is our own coming back.</summary>
    public const string Marker = "[AlertEngine]";

    public const string AcknowledgeKind = "zabbix.acknowledge";
    public const string MessageKind = "zabbix.message";
    public const string CloseKind = "zabbix.close";

    /// <summary>Appended to the resolve message when the trigger does not allow closing by hand.</summary>
    public const string NoManualCloseNote = " (the trigger does not allow manual close in Zabbix)";

    /// <summary>Longest message Zabbix 6.0 stores (acknowledges.message); longer ones are cut.</summary>
    public const int MaxMessageLength = 2048;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A person acknowledged <paramref name="ticket"/> through <paramref name="channel"/> (api, sms, call, link); returns the rows planned.</summary>
    public int Acknowledged(DbSession session, Ticket ticket, string actor, string channel, DateTimeOffset now) =>
        Add(session, ticket, AcknowledgeKind, ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, AcknowledgeMessage(actor, channel, ticket.Number), now);

    /// <summary>A person resolved <paramref name="ticket"/>: close its Zabbix problems where the trigger allows it; returns the rows planned.</summary>
    public int Resolved(DbSession session, Ticket ticket, string actor, string channel, DateTimeOffset now) =>
        Add(session, ticket, CloseKind, ZabbixUpdateActions.Close | ZabbixUpdateActions.AddMessage, ResolveMessage(actor, channel, ticket.Number), now);

    /// <summary>A PROBLEM ticket opened: name it on its linked ALERTs' events; returns the rows planned.</summary>
    public int ProblemOpened(DbSession session, Ticket problem, DateTimeOffset now) =>
        Add(session, problem, MessageKind, ZabbixUpdateActions.AddMessage, ProblemMessage(problem.Number, problem.Title), now);

    /// <summary>True when write-back to this server is on: it has an API URL and Api:WriteBack is true.</summary>
    public bool WritesBack(string server) =>
        options.Value.Servers.TryGetValue(server, out var settings)
        && !string.IsNullOrWhiteSpace(settings.Api.Url)
        && settings.Api.WriteBack;

    /// <summary>True when a Zabbix update's message is one AlertEngine wrote (it starts with <see cref="Marker"/>).</summary>
    public static bool IsOurs(string? message) =>
        message is not null && message.TrimStart().StartsWith(Marker, StringComparison.Ordinal);

    public static string AcknowledgeMessage(string actor, string channel, string number) =>
        Cut($"{Marker} Acknowledged by {actor} via {channel} — ticket {number}");

    public static string ResolveMessage(string actor, string channel, string number) =>
        Cut($"{Marker} Resolved by {actor} via {channel} — ticket {number}");

    /// <summary>The resolve message for events whose trigger does not allow manual close.</summary>
    public static string NoManualCloseMessage(string resolveMessage) =>
        resolveMessage.Length + NoManualCloseNote.Length <= MaxMessageLength
            ? resolveMessage + NoManualCloseNote
            : resolveMessage[..(MaxMessageLength - NoManualCloseNote.Length)] + NoManualCloseNote;

    public static string ProblemMessage(string number, string title) =>
        Cut($"{Marker} Recurring: PROBLEM ticket {number} opened — {title}");

    /// <summary>
    /// The outbox rows for one write-back: one per server (in name order) among
    /// <paramref name="events"/> that <paramref name="writesBack"/> accepts, each with that
    /// server's events. The dedup key names the kind, server, ticket and events, so planning the
    /// same write twice adds nothing.
    /// </summary>
    public static IReadOnlyList<NewOutboxMessage> Plan(long ticketId, string kind, ZabbixUpdateActions action, string message, IReadOnlyList<WriteBackEvent> events, Func<string, bool> writesBack)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writesBack);
        return
        [
            .. events.GroupBy(e => e.Server, StringComparer.Ordinal)
                .Where(server => writesBack(server.Key))
                .OrderBy(server => server.Key, StringComparer.Ordinal)
                .Select(server =>
                {
                    var ids = server.Select(e => e.EventId).ToList();
                    var payload = new ZabbixWriteBackPayload(ids, [.. server.Select(e => e.TriggerId)], action, message);
                    var key = $"v1|{kind}|{server.Key}|ticket {ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture)}|events {string.Join(',', ids)}";
                    return new NewOutboxMessage(kind, ticketId, server.Key, Serialize(payload), key);
                }),
        ];
    }

    public static string Serialize(ZabbixWriteBackPayload payload) => JsonSerializer.Serialize(payload, Json);

    public static ZabbixWriteBackPayload Deserialize(string payload) =>
        JsonSerializer.Deserialize<ZabbixWriteBackPayload>(payload, Json) ?? throw new JsonException("the outbox payload is null");

    private int Add(DbSession session, Ticket ticket, string kind, ZabbixUpdateActions action, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (options.Value.Servers.Count == 0)
        {
            return 0;
        }

        var planned = Plan(ticket.Id, kind, action, message, TicketStore.ListWriteBackEvents(session, ticket.Id), WritesBack);
        return planned.Count(row => OutboxStore.Add(session, row, now));
    }

    private static string Cut(string message) => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
}
