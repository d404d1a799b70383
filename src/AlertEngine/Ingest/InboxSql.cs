namespace AlertEngine.Ingest;

/// <summary>The inbox table's queries (schema in Storage/Migrations/0001).</summary>
internal static class InboxSql
{
    /// Inserts one accepted event; does nothing when the same delivery is already there (unique key).
    public const string InsertEvent = """
        INSERT INTO inbox (zabbix_server, event_id, update_key, kind, severity, trigger_id, source, received_at, payload)
        VALUES (@server, @eventId, @updateKey, @kind, @severity, @triggerId, @source, @receivedAt, @payload)
        ON CONFLICT (zabbix_server, event_id, update_key) DO NOTHING
        """;

    /// Unprocessed events, higher severities first, oldest first within a severity (ix_inbox_unprocessed).
    public const string ReadUnprocessed = """
        SELECT id AS Id, zabbix_server AS Server, kind AS Kind, source AS Source, received_at AS ReceivedAt, payload AS Payload, severity AS Severity
        FROM inbox
        WHERE processed_at IS NULL
        ORDER BY severity DESC, id
        LIMIT @limit
        """;

    /// Marks an event processed with what the pipeline did with it.
    public const string MarkProcessed = """
        UPDATE inbox SET processed_at = @at, outcome = @outcome WHERE id = @id
        """;

    /// Sets an event aside after it failed twice, with the reason.
    public const string MarkPoisoned = """
        UPDATE inbox SET processed_at = @at, outcome = 'poisoned', poisoned_reason = @reason WHERE id = @id
        """;

    /// Counts waiting and set-aside events for /healthz (partial indexes ix_inbox_unprocessed and ix_inbox_poisoned).
    public const string CountBacklog = """
        SELECT
          (SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL) AS Backlog,
          (SELECT COUNT(*) FROM inbox WHERE poisoned_reason IS NOT NULL) AS Poisoned
        """;

    /// When a server last delivered by webhook, Unix ms, or null (a scan: run once per server after start).
    public const string LastWebhookAt = """
        SELECT MAX(received_at) FROM inbox WHERE zabbix_server = @server AND source = @source
        """;
}
