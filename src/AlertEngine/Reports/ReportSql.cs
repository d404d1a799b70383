namespace AlertEngine.Reports;

/// <summary>
/// The handover report's and status page's queries: read-only, over [@from, @to) in Unix ms.
/// Tickets are read as they stood at @to (open then, acknowledged before then), so that a report
/// of a past shift says the same thing whenever it is written. They run twice a day and on demand:
/// the range reads scan their tables where no index covers the range (noted per query).
/// </summary>
internal static class ReportSql
{
    private const string TicketColumns = """
        t.id AS Id, t.number AS Number, t.type AS Type, t.level AS Level, t.customer AS Customer,
        COALESCE(t.host_name, t.host) AS Host, t.title AS Title
        """;

    /// Tickets open at @to, with what the clocks need; most urgent level first. Scans tickets (an OR over states and times).
    public const string ListOpenAt = $"""
        SELECT {TicketColumns}, t.opened_at AS OpenedAt, t.occurrences AS Occurrences,
               CASE WHEN t.acknowledged_at < @to THEN t.acknowledged_at END AS AcknowledgedAt,
               CASE WHEN t.acknowledged_at < @to THEN t.acknowledged_by END AS AcknowledgedBy,
               CASE WHEN t.responded_at < @to THEN t.responded_at END AS RespondedAt,
               t.respond_by AS RespondBy, t.resolve_by AS ResolveBy, t.hard_limit_at AS HardLimitAt,
               (SELECT o.person FROM outbox o
                WHERE o.ticket_id = t.id AND o.kind LIKE 'page.%' AND o.state = 'sent' AND o.sent_at < @to
                ORDER BY o.sent_at DESC, o.id DESC LIMIT 1) AS LastPaged
        FROM tickets t
        WHERE t.opened_at < @to
          AND (t.state IN ('open', 'acknowledged') OR t.resolved_at >= @to OR t.closed_at >= @to)
          AND COALESCE(t.resolved_at, t.closed_at, @to) >= @to
        ORDER BY t.level, COALESCE(t.respond_by, t.resolve_by, t.opened_at), t.id
        """;

    /// Tickets opened in the shift, in order. Scans tickets.
    public const string ListOpened = $"""
        SELECT {TicketColumns}, t.opened_at AS At, NULL AS By
        FROM tickets t WHERE t.opened_at >= @from AND t.opened_at < @to ORDER BY t.opened_at, t.id
        """;

    /// Tickets first acknowledged in the shift, with whom. Scans tickets.
    public const string ListAcknowledged = $"""
        SELECT {TicketColumns}, t.acknowledged_at AS At, t.acknowledged_by AS By
        FROM tickets t WHERE t.acknowledged_at >= @from AND t.acknowledged_at < @to ORDER BY t.acknowledged_at, t.id
        """;

    /// Tickets resolved in the shift, with whom. Scans tickets.
    public const string ListResolved = $"""
        SELECT {TicketColumns}, t.resolved_at AS At, t.resolved_by AS By
        FROM tickets t WHERE t.resolved_at >= @from AND t.resolved_at < @to ORDER BY t.resolved_at, t.id
        """;

    /// <summary>
    /// Deadlines that fell in the shift and were not met: a respond deadline nobody acknowledged by
    /// (recorded as breached, or still running), a resolve deadline still open or recorded as
    /// breached, a hard limit passed before the ticket was resolved or closed. By deadline time. Scans tickets.
    /// </summary>
    public const string ListBreaches = $"""
        SELECT {TicketColumns}, 'respond' AS Deadline, t.respond_by AS DueAt FROM tickets t
        WHERE t.respond_by >= @from AND t.respond_by < @to
          AND (t.respond_state = 'breached' OR (t.respond_state IS NULL AND COALESCE(t.responded_at, t.resolved_at, t.closed_at) IS NULL))
        UNION ALL
        SELECT {TicketColumns}, 'resolve', t.resolve_by FROM tickets t
        WHERE t.resolve_by >= @from AND t.resolve_by < @to
          AND (t.resolve_state = 'breached' OR (t.resolve_state IS NULL AND COALESCE(t.resolved_at, t.closed_at) IS NULL))
        UNION ALL
        SELECT {TicketColumns}, 'hard-limit', t.hard_limit_at FROM tickets t
        WHERE t.hard_limit_at >= @from AND t.hard_limit_at < @to
          AND COALESCE(t.resolved_at, t.closed_at, t.hard_limit_at) >= t.hard_limit_at
        ORDER BY DueAt, Id
        """;

    /// PROBLEM tickets opened in the shift or open at its end, with the ALERT tickets linked to each (ix_tickets_problem_ticket).
    public const string ListProblems = """
        SELECT p.number AS Number, p.level AS Level, p.state AS State, p.customer AS Customer, p.title AS Title,
               p.occurrences AS Occurrences, p.opened_at AS OpenedAt,
               CASE WHEN COALESCE(p.resolved_at, p.closed_at, @to) >= @to THEN 1 ELSE 0 END AS OpenAtEnd,
               (SELECT COUNT(*) FROM tickets a WHERE a.problem_ticket_id = p.id) AS LinkedAlerts
        FROM tickets p
        WHERE p.type = 'PROBLEM' AND p.opened_at < @to
          AND (p.opened_at >= @from OR COALESCE(p.resolved_at, p.closed_at, @to) >= @to)
        ORDER BY p.level, p.opened_at, p.id
        """;

    /// The triggers that raised most problem events in the shift (by the problem's start in Zabbix). Scans ticket_events.
    public const string ListNoisyTriggers = """
        SELECT MAX(t.title) AS Name, MAX(COALESCE(t.host_name, t.host)) AS Host, COUNT(*) AS Events
        FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.problem_at >= @from AND e.problem_at < @to
        GROUP BY t.zabbix_server, t.trigger_id
        ORDER BY Events DESC, Name LIMIT @limit
        """;

    /// The hosts that raised most problem events in the shift. Scans ticket_events.
    public const string ListNoisyHosts = """
        SELECT COALESCE(t.host_name, t.host) AS Name, NULL AS Host, COUNT(*) AS Events
        FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.problem_at >= @from AND e.problem_at < @to AND COALESCE(t.host_name, t.host) IS NOT NULL
        GROUP BY COALESCE(t.host_name, t.host)
        ORDER BY Events DESC, Name LIMIT @limit
        """;

    /// Events received in the shift, per hour (hours counted in UTC, whole hours in the team's zone for whole-hour offsets). Scans the inbox.
    public const string CountEventsPerHour = """
        SELECT (received_at / 3600000) * 3600000 AS HourStart, COUNT(*) AS Events
        FROM inbox WHERE received_at >= @from AND received_at < @to
        GROUP BY received_at / 3600000 ORDER BY HourStart
        """;

    /// <summary>
    /// Pages sent in the shift (bundled ones included: each ticket was paged), with the ticket's
    /// first acknowledgement after it: when, by whom, by which channel (its timeline line). Scans the outbox.
    /// </summary>
    public const string ListSentPages = """
        SELECT t.number AS Number, COALESCE(o.level, t.level) AS Level, o.person AS Person, o.kind AS Kind,
               o.sent_at AS SentAt, o.delivery_status AS DeliveryStatus,
               CASE WHEN t.acknowledged_at >= o.sent_at AND t.acknowledged_at < @to THEN t.acknowledged_at END AS AcknowledgedAt,
               CASE WHEN t.acknowledged_at >= o.sent_at AND t.acknowledged_at < @to THEN t.acknowledged_by END AS AcknowledgedBy,
               CASE WHEN t.acknowledged_at >= o.sent_at AND t.acknowledged_at < @to THEN
                   (SELECT l.channel FROM ticket_timeline l WHERE l.ticket_id = t.id AND l.kind = 'acknowledged' ORDER BY l.id LIMIT 1)
               END AS AcknowledgedVia
        FROM outbox o JOIN tickets t ON t.id = o.ticket_id
        WHERE o.kind LIKE 'page.%' AND o.state = 'sent' AND o.sent_at >= @from AND o.sent_at < @to
        ORDER BY o.sent_at, o.id
        """;

    /// Pages that failed in the shift: given up (planned in the shift) or reported failed or undelivered by Twilio in the shift. Scans the outbox.
    public const string ListFailedPages = """
        SELECT t.number AS Number, COALESCE(o.level, t.level) AS Level, o.person AS Person, o.kind AS Kind,
               CASE WHEN o.state = 'failed' THEN o.next_attempt_at ELSE o.delivery_at END AS At,
               CASE WHEN o.state = 'failed' THEN COALESCE(o.last_error, 'failed')
                    ELSE 'Twilio reports ' || o.delivery_status END AS Reason
        FROM outbox o JOIN tickets t ON t.id = o.ticket_id
        WHERE o.kind LIKE 'page.%'
          AND ((o.state = 'failed' AND o.created_at >= @from AND o.created_at < @to)
            OR (o.state = 'sent' AND o.delivery_status IN ('failed', 'undelivered') AND o.delivery_at >= @from AND o.delivery_at < @to))
        ORDER BY At, o.id
        """;

    /// Tickets whose escalation chain is held for business hours past @at (ix_escalations_due covers active chains).
    public const string ListHeldPages = """
        SELECT t.number AS Number, e.level AS Level, e.team AS Team, t.customer AS Customer, t.title AS Title, e.held_until AS HeldUntil
        FROM escalations e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.state = 'active' AND e.held_until > @at AND e.created_at < @at
        ORDER BY e.held_until, t.id
        """;

    /// The latest events in the inbox, newest first (primary key), with their ticket once processed.
    public const string ListRecentEvents = """
        SELECT i.received_at AS ReceivedAt, i.zabbix_server AS Server, i.kind AS Kind, i.severity AS Severity,
               COALESCE(json_extract(i.payload, '$.host_name'), json_extract(i.payload, '$.host')) AS Host,
               json_extract(i.payload, '$.event_name') AS Name,
               (SELECT t.number FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
                WHERE e.zabbix_server = i.zabbix_server AND e.event_id = i.event_id) AS TicketNumber
        FROM inbox i ORDER BY i.id DESC LIMIT @limit
        """;

    /// Report deliveries (mail, webhook) that failed since @since, newest first (outbox kinds report.*).
    public const string ListFailedDeliveries = """
        SELECT kind AS Kind, target AS Target, COALESCE(last_error, 'failed') AS Reason, next_attempt_at AS At
        FROM outbox WHERE kind LIKE 'report.%' AND state = 'failed' AND next_attempt_at >= @since
        ORDER BY id DESC LIMIT 5
        """;
}
