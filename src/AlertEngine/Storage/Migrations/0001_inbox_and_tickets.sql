-- 0001: the first schema. Why: the webhook must put every event on disk before it answers,
-- and the pipeline turns those events into tickets with a timeline.
--
-- inbox: every accepted event, exactly once per (zabbix_server, event_id, update_key).
--   update_key says which delivery of the problem this is: 'problem', 'recovery:<recovery id>'
--   or 'update:<hash of the update>' (see Ingest/InboxKey.cs). payload is the body as received.
--   processed_at is set in the same transaction as the ticket changes; poisoned_reason is set
--   when an event failed twice and was set aside so that it never blocks the queue.
CREATE TABLE inbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    zabbix_server    TEXT    NOT NULL,
    event_id         TEXT    NOT NULL,
    update_key       TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('problem', 'update', 'recovery')),
    severity         INTEGER NOT NULL,
    trigger_id       TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    received_at      INTEGER NOT NULL,
    payload          TEXT    NOT NULL,
    processed_at     INTEGER,
    outcome          TEXT,
    poisoned_reason  TEXT,
    UNIQUE (zabbix_server, event_id, update_key)
);

-- The runner reads unprocessed rows, higher severities first.
CREATE INDEX ix_inbox_unprocessed ON inbox (severity DESC, id) WHERE processed_at IS NULL;

-- tickets: ALERT tickets now; PROBLEM, REQUEST, TASK and PROJECT share the table later.
--   number is what an engineer reads off an SMS; level is 1..4; state is open, acknowledged,
--   resolved or closed. correlation_key groups the events of one incident.
CREATE TABLE tickets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    number           TEXT    UNIQUE,
    type             TEXT    NOT NULL CHECK (type IN ('ALERT', 'PROBLEM', 'REQUEST', 'TASK', 'PROJECT')),
    state            TEXT    NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved', 'closed')),
    level            INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    customer         TEXT,
    team             TEXT,
    title            TEXT    NOT NULL,
    zabbix_server    TEXT,
    trigger_id       TEXT,
    host             TEXT,
    host_name        TEXT,
    severity         INTEGER,
    correlation_key  TEXT,
    occurrences      INTEGER NOT NULL DEFAULT 1,
    first_seen_at    INTEGER,
    last_seen_at     INTEGER,
    opened_at        INTEGER NOT NULL,
    acknowledged_at  INTEGER,
    acknowledged_by  TEXT,
    resolved_at      INTEGER,
    resolved_by      TEXT,
    closed_at        INTEGER,
    updated_at       INTEGER NOT NULL
);

-- Ticket numbers start at 1001: four digits to read off a phone at 3 a.m.
INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', 1000);

-- At most one open ALERT per correlation key; the correlate stage relies on it.
CREATE UNIQUE INDEX ux_tickets_open_alert_key ON tickets (correlation_key)
    WHERE type = 'ALERT' AND state IN ('open', 'acknowledged');
CREATE INDEX ix_tickets_state_level ON tickets (state, level);
CREATE INDEX ix_tickets_customer ON tickets (customer);

-- ticket_events: each Zabbix problem event folded into a ticket, and whether it has recovered.
CREATE TABLE ticket_events (
    zabbix_server      TEXT    NOT NULL,
    event_id           TEXT    NOT NULL,
    ticket_id          INTEGER NOT NULL REFERENCES tickets (id),
    severity           INTEGER NOT NULL,
    problem_at         INTEGER NOT NULL,
    recovery_event_id  TEXT,
    recovered_at       INTEGER,
    PRIMARY KEY (zabbix_server, event_id)
);
CREATE INDEX ix_ticket_events_ticket ON ticket_events (ticket_id);

-- ticket_timeline: what happened to a ticket, by whom, through which channel, when.
CREATE TABLE ticket_timeline (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    actor      TEXT,
    channel    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    inbox_id   INTEGER REFERENCES inbox (id)
);
CREATE INDEX ix_ticket_timeline_ticket ON ticket_timeline (ticket_id, id);

-- health_probe: one row the health check rewrites to prove the database is writable.
CREATE TABLE health_probe (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at  INTEGER NOT NULL
);
