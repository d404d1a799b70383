namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// The storm check's read-only queries on the engine's file (schema in Storage/Migrations/0001 and
/// 0002): the benchmark verifies the tickets from outside, not through the engine's stores or its
/// ticket API (which may need a token). Each runs once, after the engine stopped.
/// </summary>
internal static class StormSql
{
    /// Every ticket with what the check compares (full scan of tickets).
    public const string ListTickets = """
        SELECT id, type, state, trigger_id, occurrences, acknowledged_by FROM tickets
        """;

    /// Every Zabbix problem event folded into a ticket, and whether it recovered (full scan of ticket_events).
    public const string ListTicketEvents = """
        SELECT event_id, ticket_id, recovered_at IS NOT NULL FROM ticket_events
        """;

    /// Inbox rows per problem event and kind, with those not processed and those poisoned (full scan of inbox).
    public const string CountInboxByEvent = """
        SELECT event_id, kind, COUNT(*), SUM(processed_at IS NULL), SUM(poisoned_reason IS NOT NULL)
        FROM inbox GROUP BY event_id, kind
        """;
}
