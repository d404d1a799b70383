using AlertEngine.Ingest;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>Where an event goes: a ticket it is already on, an open ticket for its key, or a new ticket.</summary>
public enum Placement
{
    /// <summary>The event's problem is already on a ticket.</summary>
    AlreadyLinked,

    /// <summary>Another problem with the same correlation key is open: add an occurrence.</summary>
    AddOccurrence,

    /// <summary>Nothing open for the key: open a new ALERT ticket.</summary>
    OpenTicket,

    /// <summary>
    /// Nothing open for the key, but its last ALERT was recovered by Zabbix within the flapping
    /// window: reopen that ticket and count a flap (see <see cref="FlapDecision"/>).
    /// </summary>
    ReopenFlapping,
}

/// <summary>What the event does to its ticket once placed.</summary>
public enum TicketChange
{
    None,
    Acknowledge,
    Unacknowledge,
    Comment,
    RecoverEvent,

    /// <summary>
    /// The update is AlertEngine's own write-back coming back from Zabbix (its message starts with
    /// <see cref="ZabbixWriteBack.Marker"/>): recorded as Zabbix confirming it, nothing else changes.
    /// </summary>
    OwnWriteBack,
}

/// <summary>The correlate decision for one event, with the reason to log and assert.</summary>
public sealed record CorrelationPlan(Placement Placement, Ticket? Ticket, TicketChange Change, string Reason);

/// <summary>
/// The pure correlate decision (no I/O): given the event, the ticket its problem is on (if
/// any), the open ticket for its correlation key (if any) and whether the key's last resolved
/// ALERT is flapping back, what to do.
/// </summary>
public static class CorrelationDecision
{
    public static CorrelationPlan Decide(ZabbixEvent e, Ticket? linked, Ticket? openForKey) =>
        Decide(e, linked, openForKey, FlapVerdict.None);

    public static CorrelationPlan Decide(ZabbixEvent e, Ticket? linked, Ticket? openForKey, FlapVerdict flap)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(flap);
        var (placement, ticket) = linked is not null
            ? (Placement.AlreadyLinked, linked)
            : openForKey is not null ? (Placement.AddOccurrence, openForKey)
            : flap.Reopen is not null ? (Placement.ReopenFlapping, flap.Reopen) : (Placement.OpenTicket, (Ticket?)null);

        var change = e.Kind switch
        {
            EventKind.Problem => TicketChange.None,
            EventKind.Recovery => TicketChange.RecoverEvent,
            EventKind.Update when ZabbixWriteBack.IsOurs(e.Update!.Message) => TicketChange.OwnWriteBack,
            EventKind.Update when e.Update!.Unacknowledges => TicketChange.Unacknowledge,
            EventKind.Update when e.Update!.Acknowledges => TicketChange.Acknowledge,
            EventKind.Update => TicketChange.Comment,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown event kind"),
        };

        var where = placement switch
        {
            Placement.AlreadyLinked => $"event {e.EventId} is on ticket {ticket!.Number}",
            Placement.AddOccurrence => $"event {e.EventId} adds an occurrence to open ticket {ticket!.Number}",
            Placement.ReopenFlapping => $"event {e.EventId} reopens ticket {ticket!.Number}: {flap.Reason}",
            _ => $"event {e.EventId} opens a new ALERT ticket" + (flap.Reason is { } why ? $" ({why})" : ""),
        };
        var what = (e.Kind, placement, change) switch
        {
            (EventKind.Problem, Placement.AlreadyLinked, _) => "problem already recorded (arrived after its update or recovery)",
            (EventKind.Problem, _, _) => "problem",
            (EventKind.Recovery, Placement.AlreadyLinked, _) => "recovery",
            (EventKind.Recovery, _, _) => "recovery arrived before its problem",
            (_, _, TicketChange.OwnWriteBack) => "AlertEngine's own write-back confirmed by Zabbix",
            (_, _, TicketChange.Acknowledge) => "acknowledged in Zabbix",
            (_, _, TicketChange.Unacknowledge) => "unacknowledged in Zabbix",
            _ => "updated in Zabbix",
        };
        return new CorrelationPlan(placement, ticket, change, $"{what}: {where}");
    }
}
