-- 0003: tickets opened by people through the ticket API (REQUEST, TASK, PROJECT) and their
-- life after resolve. Why: until now only the engine opened tickets (ALERT, from Zabbix) and
-- nothing closed them; the shift now opens change requests, routine tasks and customer projects
-- and moves every ticket through acknowledge, resolve and close with the actor on record.
--
-- tickets.description: free text an engineer wrote when opening a ticket through the API, or
--                      NULL (ALERT and PROBLEM tickets carry their story on the timeline).
-- tickets.closed_by:   who closed the ticket (the API token's name, or "by (token name)"), or
--                      NULL while it is not closed. closed_at already exists since 0001.
ALTER TABLE tickets ADD COLUMN description TEXT;
ALTER TABLE tickets ADD COLUMN closed_by TEXT;

-- project_sequences: the last project number given to each customer. PROJECT tickets are
--   numbered <CUSTOMER CODE><5-digit project number>.<phase>, e.g. NC00012.1: the 12th project
--   of customer nc, phase 1. customer is the lower-case customer code as stored on tickets;
--   last_number starts at 1 with the customer's first project and never goes back, so a number
--   is never given twice, even when its ticket is closed.
CREATE TABLE project_sequences (
    customer     TEXT    PRIMARY KEY,
    last_number  INTEGER NOT NULL CHECK (last_number >= 1)
);
