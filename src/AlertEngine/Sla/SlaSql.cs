namespace AlertEngine.Sla;

/// <summary>The SLA clock's queries on tickets and sla_escalations (schema in Storage/Migrations/0008).</summary>
internal static class SlaSql
{
    /// A ticket's level, the level its deadlines were computed for, and where its clock starts (primary key).
    public const string FindClock = """
        SELECT id AS Id, number AS Number, level AS Level, sla_level AS SlaLevel,
               COALESCE(sla_start_at, first_seen_at, opened_at) AS StartAt
        FROM tickets WHERE id = @id
        """;

    /// Active tickets whose deadlines are missing or were computed for another level (ix_tickets_sla_missing; active tickets are few).
    public const string ListNeedingDeadlines = """
        SELECT id FROM tickets
        WHERE state IN ('open', 'acknowledged') AND (sla_level IS NULL OR sla_level <> level)
        ORDER BY id
        LIMIT @limit
        """;

    /// Sets a ticket's deadlines and decides respond and resolve again from what has happened.
    public const string SetDeadlines = """
        UPDATE tickets
        SET sla_level = @level, sla_start_at = @startAt, respond_by = @respondBy, resolve_by = @resolveBy,
            hard_limit_at = @hardLimitAt, respond_warn_at = @warnAt,
            respond_state = CASE
                WHEN responded_at IS NOT NULL THEN CASE WHEN responded_at <= @respondBy THEN 'met' ELSE 'breached' END
                WHEN resolved_at IS NOT NULL THEN CASE WHEN resolved_at <= @respondBy THEN 'met' ELSE 'breached' END
                ELSE NULL END,
            resolve_state = CASE
                WHEN resolved_at IS NOT NULL THEN CASE WHEN resolved_at <= @resolveBy THEN 'met' ELSE 'breached' END
                ELSE NULL END
        WHERE id = @id
        """;

    /// Active tickets with a deadline passed (respond warn and respond only while nobody has responded) (ix_tickets_state_level).
    public const string ListDue = """
        SELECT id AS Id, number AS Number, level AS Level, respond_by AS RespondBy, resolve_by AS ResolveBy,
               hard_limit_at AS HardLimitAt, respond_warn_at AS RespondWarnAt, responded_at AS RespondedAt
        FROM tickets
        WHERE state IN ('open', 'acknowledged') AND sla_level IS NOT NULL
          AND ((responded_at IS NULL AND respond_warn_at <= @now) OR resolve_by <= @now OR hard_limit_at <= @now)
        ORDER BY id
        """;

    /// Records one escalation; nothing when it was already made (primary key): the caller acts only on 1 row.
    public const string InsertEscalation = """
        INSERT INTO sla_escalations (ticket_id, deadline, due_at, fired_at) VALUES (@ticketId, @deadline, @dueAt, @firedAt)
        ON CONFLICT (ticket_id, deadline, due_at) DO NOTHING
        """;

    /// Records a breached respond deadline (nobody responded in time).
    public const string BreachRespond = "UPDATE tickets SET respond_state = 'breached' WHERE id = @id AND respond_state IS NULL";

    /// Records a breached resolve deadline.
    public const string BreachResolve = "UPDATE tickets SET resolve_state = 'breached' WHERE id = @id AND resolve_state IS NULL";

    /// Tickets whose SLA clock started in [@from, @to) with their SLA facts (a scan of tickets with deadlines: a report, not a hot path).
    public const string ListForReport = """
        SELECT level AS Level, customer AS Customer, sla_start_at AS StartAt, responded_at AS RespondedAt,
               resolved_at AS ResolvedAt, respond_state AS Respond, resolve_state AS Resolve
        FROM tickets
        WHERE sla_level IS NOT NULL AND sla_start_at >= @from AND sla_start_at < @to
        ORDER BY id
        """;
}
