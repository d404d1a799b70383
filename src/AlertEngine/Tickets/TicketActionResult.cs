namespace AlertEngine.Tickets;

/// <summary>How an API action on a ticket ended.</summary>
public enum TicketActionStatus
{
    /// <summary>Applied and committed; the ticket is as it is now.</summary>
    Done,

    /// <summary>No ticket has that number.</summary>
    NotFound,

    /// <summary>The ticket's state does not allow the action; nothing was written.</summary>
    Refused,
}

/// <summary>The outcome of an API action, with the ticket after it (when found) and the reason.</summary>
public sealed record TicketActionResult(TicketActionStatus Status, Ticket? Ticket, string Reason);
