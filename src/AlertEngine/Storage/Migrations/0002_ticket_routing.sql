-- 0002: what the rules folder decided about a ticket. Why: the level and customer came from a
-- fixed map before; now senior engineers' rules decide them, and an engineer reading a ticket
-- must see which rule did, whether it pages, and whether a maintenance window suppressed it.
--
-- rule:          name of the rule that decided (the first match without continue), or NULL.
-- page_policy:   'now', 'business_hours' (held outside business hours) or 'never'; NULL on
--                tickets opened before this migration.
-- suppressed_by: why the ticket is never paged (a maintenance window from the rules folder, or
--                Zabbix's own maintenance), or NULL when it is not suppressed.
-- labels:        the rules' labels as a JSON object of strings, or NULL when there are none.
ALTER TABLE tickets ADD COLUMN rule TEXT;
ALTER TABLE tickets ADD COLUMN page_policy TEXT CHECK (page_policy IN ('now', 'business_hours', 'never'));
ALTER TABLE tickets ADD COLUMN suppressed_by TEXT;
ALTER TABLE tickets ADD COLUMN labels TEXT;
