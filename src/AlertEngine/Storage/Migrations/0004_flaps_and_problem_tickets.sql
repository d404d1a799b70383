-- 0004: flapping ALERTs and PROBLEM tickets. Why: a trigger that goes problem/OK/problem within
-- minutes must stay one ticket instead of opening and resolving tickets in a loop, and a key that
-- keeps coming back (rules: recurrence) must become one PROBLEM ticket that counts the repeats,
-- so that later steps page it once and the shift lead sees what keeps coming back.
--
-- tickets.flaps:             how many times this ALERT came back within the rules' flapping window
--                            after Zabbix recovered it, and was reopened instead of a new ticket.
--                            A ticket with flaps > 0 is shown as flapping.
-- tickets.last_flap_at:      when (engine clock, Unix ms) it was last reopened by a flap, or NULL.
-- tickets.problem_ticket_id: on an ALERT, the PROBLEM ticket it is linked to (its occurrences are
--                            counted there; paging must not page it again while that PROBLEM is
--                            active), or NULL.
-- tickets.quiet_seconds:     on a PROBLEM, how long (seconds) its key must stay away (no
--                            occurrence, no active ALERT) before it resolves by itself; NULL on
--                            other types.
-- ticket_events.came_back:   1 when this problem event brought its key back into problem (it
--                            opened its ALERT, or reopened it as a flap): what recurrence counts.
ALTER TABLE tickets ADD COLUMN flaps INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN last_flap_at INTEGER;
ALTER TABLE tickets ADD COLUMN problem_ticket_id INTEGER REFERENCES tickets (id);
ALTER TABLE tickets ADD COLUMN quiet_seconds INTEGER;
ALTER TABLE ticket_events ADD COLUMN came_back INTEGER NOT NULL DEFAULT 0 CHECK (came_back IN (0, 1));

-- Before this migration every ALERT was opened by the first event linked to it.
UPDATE ticket_events SET came_back = 1
WHERE rowid IN (SELECT MIN(rowid) FROM ticket_events GROUP BY ticket_id);

-- ALERTs for a key seen since an instant (recurrence counting, linking past ALERTs to a PROBLEM).
CREATE INDEX ix_tickets_alert_key_seen ON tickets (correlation_key, last_seen_at) WHERE type = 'ALERT';

-- The most recently resolved ALERT for a key (flap detection).
CREATE INDEX ix_tickets_alert_key_resolved ON tickets (correlation_key, resolved_at) WHERE type = 'ALERT' AND state = 'resolved';

-- At most one active PROBLEM per correlation key; the correlate stage relies on it.
CREATE UNIQUE INDEX ux_tickets_active_problem_key ON tickets (correlation_key)
    WHERE type = 'PROBLEM' AND state IN ('open', 'acknowledged');

-- The ALERTs linked to a PROBLEM (quiet check, API).
CREATE INDEX ix_tickets_problem_ticket ON tickets (problem_ticket_id) WHERE problem_ticket_id IS NOT NULL;
