namespace AlertEngine.Outbox;

/// <summary>The outbox table's queries (schema in Storage/Migrations/0006).</summary>
internal static class OutboxSql
{
    private const string Columns = """
        id AS Id, kind AS Kind, ticket_id AS TicketId, target AS Target, payload AS Payload, dedup_key AS DedupKey,
        state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, created_at AS CreatedAt,
        sent_at AS SentAt, last_error AS LastError
        """;

    /// Plans a call; nothing when a row with the same dedup key exists (unique dedup_key). Returns 1 or 0 rows changed.
    public const string Insert = """
        INSERT INTO outbox (kind, ticket_id, target, payload, dedup_key, state, attempts, next_attempt_at, created_at)
        VALUES (@kind, @ticketId, @target, @payload, @dedupKey, 'pending', 0, @now, @now)
        ON CONFLICT (dedup_key) DO NOTHING
        """;

    /// Rows to work on now, oldest first: every row left sending (ix_outbox_sending), then pending rows due by @now (ix_outbox_due).
    /// Pages (kind page.*) are not among them: the page sender has its own lane (Paging/PageSql).
    public const string ListDue = $"""
        SELECT {Columns} FROM (
            SELECT * FROM outbox WHERE state = 'sending' AND kind NOT LIKE 'page.%'
            UNION ALL
            SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= @now AND kind NOT LIKE 'page.%'
        )
        ORDER BY id
        LIMIT @limit
        """;

    /// One row by id (primary key).
    public const string Find = $"SELECT {Columns} FROM outbox WHERE id = @id";

    /// A ticket's outgoing calls in the order they were planned (ix_outbox_ticket).
    public const string ListByTicket = $"SELECT {Columns} FROM outbox WHERE ticket_id = @ticketId ORDER BY id";

    /// Marks a row sending and counts the attempt, just before the call; 0 rows when it is no longer pending or sending.
    public const string MarkSending = """
        UPDATE outbox SET state = 'sending', attempts = attempts + 1
        WHERE id = @id AND state IN ('pending', 'sending')
        """;

    /// Records a row done (sent, failed or cancelled) with its sent time (NULL unless sent) and error text.
    public const string Finish = """
        UPDATE outbox SET state = @state, sent_at = @sentAt, last_error = @error
        WHERE id = @id AND state IN ('pending', 'sending')
        """;

    /// Puts a row back to pending, due at @nextAt, with the failure that made it wait.
    public const string Postpone = """
        UPDATE outbox SET state = 'pending', next_attempt_at = @nextAt, last_error = @error
        WHERE id = @id AND state IN ('pending', 'sending')
        """;
}
