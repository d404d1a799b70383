-- 0007: the Zabbix API poller's memory, per server. Why: the poller asks each Zabbix server for
-- what the webhook may have missed; it must know where it stopped, so that a restart neither
-- misses events nor reads the whole history again.
--
-- zabbix_poll_state: one row per server.
--   last_event_id: the highest problem event id the poller has stored (its watermark); the next
--     poll asks for problem events above it.
--   last_update_at: the newest acknowledgement (update) clock it has seen, Unix ms; updates of
--     problems it already knows are taken from a little before it.
--   polled_at: the last poll that completed; after Api:CatchUpLimit without one, the poller
--     backfills the problems open now instead of paging through the missed history.
--   found_at: the last poll that stored something the inbox did not hold yet (the dead-man watch).
--   backfilled_at: the last backfill of open problems (first start, or after a long outage).
CREATE TABLE zabbix_poll_state (
    zabbix_server   TEXT    PRIMARY KEY,
    last_event_id   INTEGER NOT NULL,
    last_update_at  INTEGER,
    polled_at       INTEGER NOT NULL,
    found_at        INTEGER,
    backfilled_at   INTEGER
);

-- The poller follows up every problem event still open on a ticket, per server.
CREATE INDEX ix_ticket_events_unrecovered ON ticket_events (zabbix_server, event_id) WHERE recovered_at IS NULL;
