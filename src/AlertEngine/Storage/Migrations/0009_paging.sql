-- 0009: paging. Why: a ticket that needs a person wakes the on-duty engineer through an escalation
-- chain (rules/escalation.yaml) whose timers survive a restart, and every SMS or call is an outbox
-- row (kind 'page.sms' or 'page.call') sent once by the page sender, with Twilio's id and delivery
-- status recorded on it.
--
-- escalations: one chain per ticket.
--   level, team: what the chain was planned for (the policy's level, the roster's team).
--   started_at: when the chain starts (Unix ms): the ticket's page time, or the next business
--     morning for a page held for business hours; step delays count from here.
--   next_step: the index of the next step to fire across rounds (round × steps + step).
--   next_at: when it fires (Unix ms); NULL once the chain is over.
--   state: 'active' (waiting for next_at), 'stopped' (an acknowledgement, a resolve, or no page
--     needed any more; stop_reason says which), 'done' (every step and repeat fired).
--   held_until: set when the first page was held for business hours (Unix ms), else NULL.
CREATE TABLE escalations (
    ticket_id    INTEGER PRIMARY KEY REFERENCES tickets (id),
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    team         TEXT    NOT NULL,
    started_at   INTEGER NOT NULL,
    next_step    INTEGER NOT NULL DEFAULT 0,
    next_at      INTEGER,
    state        TEXT    NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'stopped', 'done')),
    stop_reason  TEXT,
    held_until   INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

-- The escalation job's every turn: active chains by due time.
CREATE INDEX ix_escalations_due ON escalations (next_at) WHERE state = 'active';

-- outbox, for pages:
--   person: the roster's person id the page is for (NULL for other kinds).
--   body: the exact SMS text or spoken words, written when the row is marked sending, so that a
--     restart can ask Twilio whether that very message went out.
--   provider_id: Twilio's sid (SM…, CA…) once sent; a bundled page carries the sid of the one SMS
--     or call that covered it.
--   bundled_into: the outbox row whose send covered this one, or NULL.
--   delivery_status, delivery_at: the last status Twilio reported (delivered, undelivered,
--     no-answer, completed, …) and when (Unix ms).
--   level: the level (1–4) of the page's ticket when it was planned: the page sender takes the
--     most severe pages first, so an L1 never waits behind a storm of lower pages.
ALTER TABLE outbox ADD COLUMN level INTEGER;
ALTER TABLE outbox ADD COLUMN person TEXT;
ALTER TABLE outbox ADD COLUMN body TEXT;
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
ALTER TABLE outbox ADD COLUMN bundled_into INTEGER;
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_at INTEGER;

-- Status callbacks find their page by Twilio's sid.
CREATE INDEX ix_outbox_provider ON outbox (provider_id) WHERE provider_id IS NOT NULL;
-- The per-person limits count a person's recent pages; SMS replies find a person's open pages.
CREATE INDEX ix_outbox_person ON outbox (target, kind, sent_at) WHERE kind LIKE 'page.%';

-- twilio_callbacks: every callback from Twilio that changed something, by its own identity
-- (an inbound SMS's MessageSid, a key press's CallSid), so a redelivered callback changes nothing.
CREATE TABLE twilio_callbacks (
    callback_key TEXT    PRIMARY KEY,
    received_at  INTEGER NOT NULL,
    outcome      TEXT    NOT NULL
);
