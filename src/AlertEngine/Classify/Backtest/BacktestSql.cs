namespace AlertEngine.Classify.Backtest;

/// <summary>The backtest's read-only queries over the inbox and tickets (schema in Storage/Migrations/0001 and 0002).</summary>
internal static class BacktestSql
{
    /// Problem events received in [@from, @to), oldest first, each with the ticket it went to (NULLs when none):
    /// a scan of the inbox by primary key (there is no index on received_at, and a backtest is an offline read),
    /// then the ticket_events and tickets primary keys.
    public const string ReadProblems = """
        SELECT i.id AS InboxId, i.zabbix_server AS Server, i.event_id AS EventId, i.received_at AS ReceivedAt,
               i.payload AS Payload, i.processed_at AS ProcessedAt, i.outcome AS Outcome,
               t.id AS TicketId, t.number AS TicketNumber, t.level AS Level, t.customer AS Customer, t.team AS Team,
               t.page_policy AS PagePolicy, t.suppressed_by AS SuppressedBy
        FROM inbox i
        LEFT JOIN ticket_events te ON te.zabbix_server = i.zabbix_server AND te.event_id = i.event_id
        LEFT JOIN tickets t ON t.id = te.ticket_id
        WHERE i.kind = 'problem' AND i.received_at >= @from AND i.received_at < @to
        ORDER BY i.id
        """;

    /// How many updates and recoveries were received in [@from, @to) (not replayed: they follow their problem's ticket).
    public const string CountOthers = """
        SELECT COUNT(*) FROM inbox WHERE kind <> 'problem' AND received_at >= @from AND received_at < @to
        """;
}
