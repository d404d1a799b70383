namespace AlertEngine.Tickets;

/// <summary>Queries the Zabbix write-back plans with (schema in Storage/Migrations/0001 and 0004).</summary>
internal static partial class TicketSql
{
    /// The still-unrecovered Zabbix events a write-back about a ticket goes to: an ALERT's own, or a
    /// PROBLEM's active linked ALERTs', with each ALERT's trigger, by server and start
    /// (ix_ticket_events_ticket, ix_tickets_problem_ticket).
    public const string ListWriteBackEvents = """
        SELECT e.zabbix_server AS Server, e.event_id AS EventId, t.trigger_id AS TriggerId
        FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
        WHERE e.recovered_at IS NULL
          AND (t.id = @ticketId OR (t.problem_ticket_id = @ticketId AND t.state IN ('open', 'acknowledged')))
        ORDER BY e.zabbix_server, e.problem_at, e.event_id
        """;
}
