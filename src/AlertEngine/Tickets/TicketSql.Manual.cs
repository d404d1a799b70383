namespace AlertEngine.Tickets;

/// <summary>Queries for tickets people open and move through the API (schema in Storage/Migrations/0003).</summary>
internal static partial class TicketSql
{
    /// Inserts a REQUEST, TASK or PROJECT ticket in state open and returns its id; no Zabbix
    /// event, so no occurrences. The number is set right after (SetNumber).
    public const string InsertManual = """
        INSERT INTO tickets (type, state, level, customer, title, description, occurrences, opened_at, updated_at)
        VALUES (@type, 'open', @level, @customer, @title, @description, 0, @openedAt, @openedAt)
        RETURNING id
        """;

    /// Counts one more project for a customer and returns its project number, 1 for the first
    /// (project_sequences primary key).
    public const string NextProjectNumber = """
        INSERT INTO project_sequences (customer, last_number) VALUES (@customer, 1)
        ON CONFLICT (customer) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number
        """;

    /// Acknowledges an open ticket; 0 rows when it is no longer open.
    public const string AcknowledgeOpen = $"""
        UPDATE tickets
        SET state = 'acknowledged', acknowledged_at = COALESCE(acknowledged_at, @at),
            acknowledged_by = COALESCE(acknowledged_by, @by), {TicketSql.RespondedAt}, updated_at = @at
        WHERE id = @id AND state = 'open'
        """;

    /// Closes a resolved ticket; 0 rows when it is not resolved.
    public const string CloseResolved = """
        UPDATE tickets SET state = 'closed', closed_at = @at, closed_by = @by, updated_at = @at
        WHERE id = @id AND state = 'resolved'
        """;

    /// Moves a ticket's last-change time (a comment).
    public const string Touch = "UPDATE tickets SET updated_at = @at WHERE id = @id";
}
