namespace AlertEngine.Tickets;

/// <summary>The ticket tables' queries (schema in Storage/Migrations/0001 to 0003).</summary>
internal static partial class TicketSql
{
    private const string TicketColumns = """
        id AS Id, number AS Number, type AS Type, state AS State, level AS Level, customer AS Customer, team AS Team,
        title AS Title, zabbix_server AS ZabbixServer, trigger_id AS TriggerId, host AS Host, host_name AS HostName,
        severity AS Severity, correlation_key AS CorrelationKey, occurrences AS Occurrences,
        first_seen_at AS FirstSeenAt, last_seen_at AS LastSeenAt, opened_at AS OpenedAt,
        acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt,
        resolved_by AS ResolvedBy, closed_at AS ClosedAt, updated_at AS UpdatedAt,
        rule AS Rule, page_policy AS PagePolicy, suppressed_by AS SuppressedBy, labels AS Labels,
        flaps AS Flaps, last_flap_at AS LastFlapAt, problem_ticket_id AS ProblemTicketId, quiet_seconds AS QuietSeconds,
        (SELECT p.number FROM tickets p WHERE p.id = tickets.problem_ticket_id) AS ProblemNumber,
        description AS Description, closed_by AS ClosedBy,
        sla_level AS SlaLevel, respond_by AS RespondBy, resolve_by AS ResolveBy, hard_limit_at AS HardLimitAt,
        responded_at AS RespondedAt, respond_state AS RespondState, resolve_state AS ResolveState
        """;

    /// The ticket a Zabbix problem event was folded into, if any (primary key of ticket_events).
    public const string FindByEvent = $"""
        SELECT {TicketColumns} FROM tickets
        WHERE id = (SELECT ticket_id FROM ticket_events WHERE zabbix_server = @server AND event_id = @eventId)
        """;

    /// The open or acknowledged ALERT for a correlation key (ux_tickets_open_alert_key).
    public const string FindOpenAlertByKey = $"""
        SELECT {TicketColumns} FROM tickets
        WHERE correlation_key = @key AND type = 'ALERT' AND state IN ('open', 'acknowledged')
        """;

    /// One ticket by the number people read and type (unique index on number).
    public const string FindByNumber = $"SELECT {TicketColumns} FROM tickets WHERE number = @number";

    /// Tickets matching the filters, newest first (ix_tickets_state_level / ix_tickets_customer).
    public const string List = $"""
        SELECT {TicketColumns} FROM tickets
        WHERE (@state IS NULL OR state = @state)
          AND (@level IS NULL OR level = @level)
          AND (@customer IS NULL OR customer = @customer)
          AND (@type IS NULL OR type = @type)
        ORDER BY id DESC
        LIMIT @limit
        """;

    /// Inserts a new ticket and returns its id; the number is set from the id right after.
    public const string Insert = """
        INSERT INTO tickets (type, state, level, customer, team, title, zabbix_server, trigger_id, host, host_name,
                             severity, correlation_key, occurrences, first_seen_at, last_seen_at, opened_at, updated_at,
                             rule, page_policy, suppressed_by, labels)
        VALUES (@type, @state, @level, @customer, @team, @title, @server, @triggerId, @host, @hostName,
                @severity, @key, 1, @seenAt, @seenAt, @openedAt, @openedAt,
                @rule, @page, @suppressedBy, @labels)
        RETURNING id
        """;

    /// Gives a ticket its readable number (for ALERT tickets the id, from 1001 up) and returns the ticket.
    public const string SetNumber = $"UPDATE tickets SET number = @number WHERE id = @id RETURNING {TicketColumns}";

    /// Links a Zabbix problem event to a ticket; came_back when it opened or reopened the ticket.
    public const string InsertEvent = """
        INSERT INTO ticket_events (zabbix_server, event_id, ticket_id, severity, problem_at, came_back)
        VALUES (@server, @eventId, @ticketId, @severity, @problemAt, @cameBack)
        """;

    /// Counts one more occurrence on a ticket and moves its last-seen time.
    public const string AddOccurrence = """
        UPDATE tickets
        SET occurrences = occurrences + 1,
            last_seen_at = MAX(COALESCE(last_seen_at, @seenAt), @seenAt),
            first_seen_at = MIN(COALESCE(first_seen_at, @seenAt), @seenAt),
            updated_at = @now
        WHERE id = @id
        """;

    /// Records that a linked problem event has recovered.
    public const string MarkEventRecovered = """
        UPDATE ticket_events SET recovery_event_id = @recoveryEventId, recovered_at = @recoveredAt
        WHERE zabbix_server = @server AND event_id = @eventId AND recovered_at IS NULL
        """;

    /// How many events of a ticket are still in problem state.
    public const string CountUnrecovered = "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = @ticketId AND recovered_at IS NULL";

    /// Events of one ticket in the order they started.
    public const string ListEvents = """
        SELECT zabbix_server AS ZabbixServer, event_id AS EventId, severity AS Severity, problem_at AS ProblemAt,
               recovery_event_id AS RecoveryEventId, recovered_at AS RecoveredAt
        FROM ticket_events WHERE ticket_id = @ticketId ORDER BY problem_at, event_id
        """;

    /// Marks a ticket acknowledged by someone, unless it already was.
    public const string Acknowledge = $"""
        UPDATE tickets
        SET state = CASE WHEN state = 'open' THEN 'acknowledged' ELSE state END,
            acknowledged_at = COALESCE(acknowledged_at, @at),
            acknowledged_by = COALESCE(acknowledged_by, @by),
            {RespondedAt},
            updated_at = @now
        WHERE id = @id
        """;

    /// Takes an acknowledgement back while the ticket is still active.
    public const string Unacknowledge = """
        UPDATE tickets SET state = 'open', acknowledged_at = NULL, acknowledged_by = NULL, updated_at = @at
        WHERE id = @id AND state = 'acknowledged'
        """;

    /// Resolves an active ticket.
    public const string Resolve = $"""
        UPDATE tickets SET state = 'resolved', resolved_at = @at, resolved_by = @by, {ResolvedAt}, updated_at = @now
        WHERE id = @id AND state IN ('open', 'acknowledged')
        """;

    /// Appends a line to a ticket's timeline.
    public const string InsertTimeline = """
        INSERT INTO ticket_timeline (ticket_id, at, kind, actor, channel, text, inbox_id)
        VALUES (@ticketId, @at, @kind, @actor, @channel, @text, @inboxId)
        """;

    /// A ticket's timeline in the order it happened (ix_ticket_timeline_ticket).
    public const string ListTimeline = """
        SELECT at AS At, kind AS Kind, actor AS Actor, channel AS Channel, text AS Text
        FROM ticket_timeline WHERE ticket_id = @ticketId ORDER BY id
        """;
}
