using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Tickets;

/// <summary>Ticket reads the paging step needs (the escalation job and the page sender check a ticket before paging).</summary>
public static partial class TicketStore
{
    /// <summary>One ticket by id, read on <paramref name="connection"/> (inside <paramref name="transaction"/> when given).</summary>
    public static Ticket? FindById(SqliteConnection connection, long id, SqliteTransaction? transaction = null) =>
        Map(connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindById, new { id }, transaction));

    /// <summary>One ticket by id, in the session's transaction through its prepared command (the pipeline's path).</summary>
    public static Ticket? FindById(DbSession session, long id) =>
        Map(session.Prepared(TicketSql.FindById).With("id", id).SingleOrDefault<TicketRow>());
}
