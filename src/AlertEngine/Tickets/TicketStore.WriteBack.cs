using AlertEngine.Storage;
using Dapper;

namespace AlertEngine.Tickets;

/// <summary>What the Zabbix write-back reads about a ticket, inside the caller's session.</summary>
public static partial class TicketStore
{
    /// <summary>The unrecovered Zabbix events of an ALERT, or of a PROBLEM's active linked ALERTs.</summary>
    public static IReadOnlyList<WriteBackEvent> ListWriteBackEvents(DbSession session, long ticketId)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [.. session.Connection.Query<WriteBackEventRow>(TicketSql.ListWriteBackEvents, new { ticketId }, session.Transaction)
            .Select(r => new WriteBackEvent(r.Server, r.EventId, r.TriggerId))];
    }

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed class WriteBackEventRow
    {
        public string Server { get; set; } = "";
        public string EventId { get; set; } = "";
        public string? TriggerId { get; set; }
    }
#pragma warning restore CA1812
}
