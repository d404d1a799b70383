namespace AlertEngine.Tickets;

/// <summary>The queries for flapping ALERTs and PROBLEM tickets (schema in Storage/Migrations/0004).</summary>
internal static partial class TicketSql
{
    /// The ALERT for a key that was resolved last, if any (ix_tickets_alert_key_resolved).
    public const string FindLastResolvedAlertByKey = $"""
        SELECT {TicketColumns} FROM tickets
        WHERE correlation_key = @key AND type = 'ALERT' AND state = 'resolved'
        ORDER BY resolved_at DESC LIMIT 1
        """;

    /// When the last of a ticket's problem events recovered in Zabbix (ix_ticket_events_ticket).
    public const string LastRecoveredAt = "SELECT MAX(recovered_at) FROM ticket_events WHERE ticket_id = @ticketId";

    /// Reopens a resolved ALERT as a flap: acknowledged again if someone had acknowledged it, else open.
    public const string ReopenFlapping = $"""
        UPDATE tickets
        SET state = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END,
            resolved_at = NULL, resolved_by = NULL, resolve_state = NULL, flaps = flaps + 1, last_flap_at = @now, updated_at = @now
        WHERE id = @id AND state = 'resolved'
        RETURNING {TicketColumns}
        """;

    /// The severity recorded for a linked problem event (primary key of ticket_events).
    public const string FindEventSeverity = "SELECT severity FROM ticket_events WHERE zabbix_server = @server AND event_id = @eventId";

    /// Records a severity changed in Zabbix on the event and its ticket, with the ticket's level.
    public const string ChangeSeverity = """
        UPDATE ticket_events SET severity = @severity WHERE zabbix_server = @server AND event_id = @eventId;
        UPDATE tickets SET severity = @severity, level = @level, updated_at = @now WHERE id = @id;
        """;

    /// How often a key came back (opened or reopened an ALERT not yet linked to a PROBLEM) since an
    /// instant, by Zabbix clocks (ix_tickets_alert_key_seen, then ix_ticket_events_ticket).
    public const string CountReturns = """
        SELECT COUNT(*) FROM tickets t JOIN ticket_events te ON te.ticket_id = t.id
        WHERE t.correlation_key = @key AND t.type = 'ALERT' AND t.problem_ticket_id IS NULL
          AND t.last_seen_at >= @since AND te.came_back = 1 AND te.problem_at >= @since
        """;

    /// The active PROBLEM for a key, if any (ux_tickets_active_problem_key).
    public const string FindActiveProblemByKey = $"""
        SELECT {TicketColumns} FROM tickets
        WHERE correlation_key = @key AND type = 'PROBLEM' AND state IN ('open', 'acknowledged')
        """;

    /// Inserts a PROBLEM ticket with no occurrences yet and returns its id; counts come from its ALERTs.
    public const string InsertProblem = """
        INSERT INTO tickets (type, state, level, customer, team, title, zabbix_server, trigger_id, host, host_name,
                             severity, correlation_key, occurrences, opened_at, updated_at,
                             rule, page_policy, suppressed_by, labels, quiet_seconds)
        VALUES ('PROBLEM', 'open', @level, @customer, @team, @title, @server, @triggerId, @host, @hostName,
                @severity, @key, 0, @now, @now,
                @rule, @page, @suppressedBy, @labels, @quietSeconds)
        RETURNING id
        """;

    /// Links the key's ALERTs seen since an instant, or still active, to a PROBLEM; returns their ids and numbers (ix_tickets_alert_key_seen).
    public const string LinkRecentAlerts = """
        UPDATE tickets SET problem_ticket_id = @problemId, updated_at = @now
        WHERE correlation_key = @key AND type = 'ALERT' AND problem_ticket_id IS NULL
          AND (last_seen_at >= @since OR state IN ('open', 'acknowledged'))
        RETURNING id AS Id, number AS Number
        """;

    /// Sets a PROBLEM's counts from its linked ALERTs: every problem event on them, first and last seen (ix_tickets_problem_ticket).
    public const string CountFromLinkedAlerts = $"""
        UPDATE tickets
        SET occurrences = (SELECT COALESCE(SUM(a.occurrences), 0) FROM tickets a WHERE a.problem_ticket_id = @id),
            first_seen_at = (SELECT MIN(a.first_seen_at) FROM tickets a WHERE a.problem_ticket_id = @id),
            last_seen_at = (SELECT MAX(a.last_seen_at) FROM tickets a WHERE a.problem_ticket_id = @id)
        WHERE id = @id
        RETURNING {TicketColumns}
        """;

    /// Links one ALERT to the active PROBLEM of its key.
    public const string LinkAlert = "UPDATE tickets SET problem_ticket_id = @problemId, updated_at = @now WHERE id = @id";

    /// The numbers of the ALERTs linked to a PROBLEM, oldest first (ix_tickets_problem_ticket).
    public const string ListLinkedAlerts = "SELECT number FROM tickets WHERE problem_ticket_id = @id ORDER BY id";

    /// Active PROBLEMs that have a quiet period, with when their key was last active: the later of the
    /// last occurrence and the last recovery of a linked ALERT, and whether a linked ALERT is still active.
    public const string ListActiveProblems = """
        SELECT p.id AS Id, p.number AS Number, p.quiet_seconds AS QuietSeconds,
               MAX(COALESCE(p.last_seen_at, p.opened_at), COALESCE((SELECT MAX(a.resolved_at) FROM tickets a WHERE a.problem_ticket_id = p.id), 0)) AS LastActiveAt,
               EXISTS (SELECT 1 FROM tickets a WHERE a.problem_ticket_id = p.id AND a.state IN ('open', 'acknowledged')) AS AlertActive
        FROM tickets p
        WHERE p.type = 'PROBLEM' AND p.state IN ('open', 'acknowledged') AND p.quiet_seconds IS NOT NULL
        ORDER BY p.id
        """;
}
