-- 0008: SLA clocks. Why: the service agreement promises, per level, a response, a resolution and
-- a hard limit; each ticket carries those deadlines, when they were met or breached, and every
-- escalation the watcher made, exactly once.
--
-- tickets:
--   sla_level: the level the deadlines were computed for (a level change recomputes them).
--   sla_start_at: where the clock starts, Unix ms: the problem's start in Zabbix (the event clock),
--     or when the ticket was opened for tickets without a Zabbix event.
--   respond_by, resolve_by, hard_limit_at: the deadlines, Unix ms.
--   respond_warn_at: when the watcher pages again if nobody has responded (a share of the respond window).
--   responded_at: the first acknowledgement through any channel (kept when it is taken back).
--   respond_state, resolve_state: 'met' or 'breached' once decided, else null. Met at responded_at
--     (resolved_at); breached at respond_by (resolve_by).
ALTER TABLE tickets ADD COLUMN sla_level INTEGER CHECK (sla_level BETWEEN 1 AND 4);
ALTER TABLE tickets ADD COLUMN sla_start_at INTEGER;
ALTER TABLE tickets ADD COLUMN respond_by INTEGER;
ALTER TABLE tickets ADD COLUMN resolve_by INTEGER;
ALTER TABLE tickets ADD COLUMN hard_limit_at INTEGER;
ALTER TABLE tickets ADD COLUMN respond_warn_at INTEGER;
ALTER TABLE tickets ADD COLUMN responded_at INTEGER;
ALTER TABLE tickets ADD COLUMN respond_state TEXT CHECK (respond_state IN ('met', 'breached'));
ALTER TABLE tickets ADD COLUMN resolve_state TEXT CHECK (resolve_state IN ('met', 'breached'));

-- A ticket acknowledged before this release has responded when it was acknowledged.
UPDATE tickets SET responded_at = acknowledged_at WHERE acknowledged_at IS NOT NULL;

-- sla_escalations: what the watcher did at a deadline, at most once per (ticket, deadline, instant):
--   deadline is 'respond-warn', 'respond', 'resolve' or 'hard-limit'; due_at the deadline's instant
--   (Unix ms; a level change moves it, and the new deadline is a new one); fired_at when it acted.
--   Until paging exists (issue 8) an escalation is this row and a line on the ticket's timeline.
CREATE TABLE sla_escalations (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    deadline   TEXT    NOT NULL CHECK (deadline IN ('respond-warn', 'respond', 'resolve', 'hard-limit')),
    due_at     INTEGER NOT NULL,
    fired_at   INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, deadline, due_at)
);

-- The watcher reads active tickets (ix_tickets_state_level) and those still without deadlines.
CREATE INDEX ix_tickets_sla_missing ON tickets (id) WHERE sla_level IS NULL AND state IN ('open', 'acknowledged');
