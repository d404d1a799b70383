-- 0006: the outbox. Why: every call the engine makes to the outside world (Zabbix write-backs
-- now, SMS and voice pages in issue 8) is planned as a row in the same transaction as the ticket
-- change that caused it, then sent by OutboxSender: check (still needed? already done?) → send →
-- record. So a call is never lost on a restart, never made twice, retried on a transient failure
-- with backoff, and every outcome is visible on the ticket's timeline.
--
-- outbox.kind:            what the call is: 'zabbix.acknowledge', 'zabbix.message', 'zabbix.close'
--                         (later 'page.sms', 'page.call'); picks the IOutboxHandler that sends it.
-- outbox.ticket_id:       the ticket whose timeline records the outcome, or NULL.
-- outbox.target:          where it goes: the Zabbix server name (Zabbix:Servers:{name}); later a phone number.
-- outbox.payload:         the call as JSON, owned by the kind's handler (for Zabbix: event ids,
--                         their trigger ids, the message, the event.acknowledge action bits).
-- outbox.dedup_key:       planning the same call twice (a redelivered event, a replay) adds
--                         nothing: INSERT … ON CONFLICT (dedup_key) DO NOTHING. Versioned ("v1|…").
-- outbox.state:           pending (waiting for next_attempt_at), sending (marked and committed just
--                         before the call: a row found sending at start is an unknown outcome the
--                         handler's check decides), sent, failed (permanent failure or out of
--                         attempts), cancelled (no longer needed).
-- outbox.attempts:        how many times the call was started (sending marks count).
-- outbox.next_attempt_at: when a pending row is due (Unix ms, UTC); moved by the retry backoff.
-- outbox.created_at:      when it was planned (Unix ms).
-- outbox.sent_at:         when it was recorded sent (Unix ms), or NULL.
-- outbox.last_error:      the last failure or the reason it was cancelled, in words, or NULL.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT    NOT NULL,
    ticket_id        INTEGER REFERENCES tickets (id),
    target           TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    dedup_key        TEXT    NOT NULL UNIQUE,
    state            TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    last_error       TEXT
);

-- Due rows: pending ones by due time, and any left sending (the sender's every turn).
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX ix_outbox_sending ON outbox (id) WHERE state = 'sending';

-- A ticket's outgoing calls (API, tests, later the handover report).
CREATE INDEX ix_outbox_ticket ON outbox (ticket_id) WHERE ticket_id IS NOT NULL;
