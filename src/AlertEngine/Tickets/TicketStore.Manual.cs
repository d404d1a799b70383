using System.Globalization;
using AlertEngine.Storage;
using Dapper;

namespace AlertEngine.Tickets;

/// <summary>Tickets people open and move through the API. Writes run in the caller's session.</summary>
public static partial class TicketStore
{
    /// <summary>One ticket by number, read inside the caller's transaction.</summary>
    public static Ticket? FindByNumber(DbSession session, string number) =>
        Map(session.Connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindByNumber, new { number }, session.Transaction));

    /// <summary>
    /// Opens a REQUEST, TASK or PROJECT ticket in state open; returns it with its number: the id
    /// (like ALERT tickets) or, for a PROJECT, the customer's next project number (NC00012.1).
    /// </summary>
    public static Ticket OpenManual(DbSession session, NewTicket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var c = session.Connection;
        var id = c.ExecuteScalar<long>(TicketSql.InsertManual, new
        {
            type = ticket.Type.ToString(),
            level = (int)ticket.Level,
            customer = ticket.Customer,
            title = ticket.Title,
            description = ticket.Description,
            openedAt = UnixTime.ToMs(now),
        }, session.Transaction);
        var number = ticket.Type == TicketType.PROJECT
            ? ProjectNumber.Format(ticket.Customer!, c.ExecuteScalar<long>(TicketSql.NextProjectNumber, new { customer = ticket.Customer }, session.Transaction))
            : id.ToString(CultureInfo.InvariantCulture);
        return Map(c.QuerySingle<TicketRow>(TicketSql.SetNumber, new { id, number }, session.Transaction))!;
    }

    /// <summary>Acknowledges an open ticket; false when it was not open.</summary>
    public static bool AcknowledgeOpen(DbSession session, long ticketId, string by, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.AcknowledgeOpen, new { id = ticketId, by, at = UnixTime.ToMs(at) }, session.Transaction) == 1;

    /// <summary>Resolves an open or acknowledged ticket; false when it was neither.</summary>
    public static bool ResolveActive(DbSession session, long ticketId, string by, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.Resolve, new { id = ticketId, by, at = UnixTime.ToMs(at), now = UnixTime.ToMs(at) }, session.Transaction) == 1;

    /// <summary>Closes a resolved ticket; false when it was not resolved.</summary>
    public static bool CloseResolved(DbSession session, long ticketId, string by, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.CloseResolved, new { id = ticketId, by, at = UnixTime.ToMs(at) }, session.Transaction) == 1;

    /// <summary>Moves a ticket's last-change time without changing its state.</summary>
    public static void Touch(DbSession session, long ticketId, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.Touch, new { id = ticketId, at = UnixTime.ToMs(at) }, session.Transaction);
}
