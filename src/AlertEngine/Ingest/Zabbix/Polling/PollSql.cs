namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>The poller's queries (schema in Storage/Migrations/0007).</summary>
internal static class PollSql
{
    /// The poller's state for one server, or nothing before its first poll (primary key).
    public const string FindState = """
        SELECT zabbix_server AS Server, last_event_id AS LastEventId, last_update_at AS LastUpdateAt,
               polled_at AS PolledAt, found_at AS FoundAt, backfilled_at AS BackfilledAt
        FROM zabbix_poll_state WHERE zabbix_server = @server
        """;

    /// Saves the state after a completed poll.
    public const string SaveState = """
        INSERT INTO zabbix_poll_state (zabbix_server, last_event_id, last_update_at, polled_at, found_at, backfilled_at)
        VALUES (@server, @lastEventId, @lastUpdateAt, @polledAt, @foundAt, @backfilledAt)
        ON CONFLICT (zabbix_server) DO UPDATE SET
            last_event_id = excluded.last_event_id, last_update_at = excluded.last_update_at,
            polled_at = excluded.polled_at, found_at = excluded.found_at, backfilled_at = excluded.backfilled_at
        """;

    /// Problem events of this server still open on a ticket (ix_ticket_events_unrecovered).
    public const string ListUnrecoveredEvents = """
        SELECT event_id FROM ticket_events WHERE zabbix_server = @server AND recovered_at IS NULL ORDER BY event_id
        """;

    /// The first stored body of a problem event that carries its problem fields: the problem notification, else an update (ux on inbox key).
    public const string FindProblemBody = """
        SELECT payload FROM inbox
        WHERE zabbix_server = @server AND event_id = @eventId AND kind IN ('problem', 'update')
        ORDER BY kind = 'problem' DESC, id
        LIMIT 1
        """;
}
