-- 0005: a partial index for the poisoned count. Why: /healthz (and the /metrics gauges) count
-- the inbox rows set aside as poisoned; without an index that count read the whole inbox, every
-- payload included, on each check, which costs most while a storm's backlog is being worked off.
-- Poisoned rows are rare, so the index stays tiny. No new columns.
CREATE INDEX ix_inbox_poisoned ON inbox (id) WHERE poisoned_reason IS NOT NULL;
