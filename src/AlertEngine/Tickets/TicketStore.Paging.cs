using AlertEngine.Storage;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Tickets;

/// <summary>Ticket reads the paging step needs (the escalation job and the page sender check a ticket before paging).</summary>
public static partial class TicketStore
{
    /// <summary>One ticket by id, read on <paramref name="connection"/> (inside <paramref name="transaction"/> when given) through its prepared command.</summary>
    public static Ticket? FindById(SqliteConnection connection, long id, SqliteTransaction? transaction = null) =>
        Map(connection.Prepared(TicketSql.FindById, transaction).With("id", id).SingleOrDefault<TicketRow>());

    /// <summary>One ticket by id, in the session's transaction (the pipeline's path).</summary>
    public static Ticket? FindById(DbSession session, long id)
    {
        ArgumentNullException.ThrowIfNull(session);
        return FindById(session.Connection, id, session.Transaction);
    }
}
