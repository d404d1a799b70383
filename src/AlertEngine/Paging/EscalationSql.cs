namespace AlertEngine.Paging;

/// <summary>The escalations table's queries (schema in Storage/Migrations/0009).</summary>
internal static class EscalationSql
{
    private const string Columns = """
        ticket_id AS TicketId, level AS Level, team AS Team, started_at AS StartedAt, next_step AS NextStep,
        next_at AS NextAt, state AS State, stop_reason AS StopReason, held_until AS HeldUntil
        """;

    /// Starts a ticket's chain; nothing when it has one already (primary key ticket_id). Returns 1 or 0 rows changed.
    public const string Insert = """
        INSERT INTO escalations (ticket_id, level, team, started_at, next_step, next_at, state, held_until, created_at, updated_at)
        VALUES (@ticketId, @level, @team, @startedAt, 0, @startedAt, 'active', @heldUntil, @now, @now)
        ON CONFLICT (ticket_id) DO NOTHING
        """;

    /// One ticket's chain (primary key).
    public const string Find = $"SELECT {Columns} FROM escalations WHERE ticket_id = @ticketId";

    /// Active chains whose next step is due by @now, soonest first (ix_escalations_due).
    public const string ListDue = $"""
        SELECT {Columns} FROM escalations WHERE state = 'active' AND next_at <= @now
        ORDER BY next_at LIMIT @limit
        """;

    /// Moves a chain on: its next step and when it fires (NULL with state done when none is left).
    public const string Advance = """
        UPDATE escalations SET next_step = @nextStep, next_at = @nextAt, state = @state, updated_at = @now
        WHERE ticket_id = @ticketId AND state = 'active'
        """;

    /// Stops an active chain with the reason.
    public const string Stop = """
        UPDATE escalations SET state = 'stopped', stop_reason = @reason, next_at = NULL, updated_at = @now
        WHERE ticket_id = @ticketId AND state = 'active'
        """;

    /// Open tickets opened since @since that page but have no chain: opened outside the pipeline (the
    /// ticket API, the monitoring-blind watch). Not PROBLEMs (their ALERT paged) nor ALERTs counted on
    /// a PROBLEM, nor suppressed or page: never tickets (ix_tickets_state_level).
    public const string ListWithoutChain = """
        SELECT t.id FROM tickets t
        WHERE t.state = 'open' AND t.opened_at >= @since AND t.type <> 'PROBLEM' AND t.problem_ticket_id IS NULL
          AND t.suppressed_by IS NULL AND COALESCE(t.page_policy, '') <> 'never'
          AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.ticket_id = t.id)
        ORDER BY t.id LIMIT @limit
        """;

    /// Hard limits the SLA watcher escalated since @since whose ticket is still active and whose
    /// manager has not been paged for them (sla_escalations primary key; the dedup keys
    /// `v1|hard-limit|{ticket}|{due}|…` as a range of the outbox's unique dedup_key index: '}' follows '|').
    public const string ListHardLimitsToPage = """
        SELECT s.ticket_id AS TicketId, s.due_at AS DueAt FROM sla_escalations s JOIN tickets t ON t.id = s.ticket_id
        WHERE s.deadline = 'hard-limit' AND s.fired_at >= @since AND t.state IN ('open', 'acknowledged')
          AND NOT EXISTS (SELECT 1 FROM outbox o
                          WHERE o.dedup_key >= 'v1|hard-limit|' || s.ticket_id || '|' || s.due_at || '|'
                            AND o.dedup_key < 'v1|hard-limit|' || s.ticket_id || '|' || s.due_at || '}')
        ORDER BY s.fired_at LIMIT @limit
        """;
}
