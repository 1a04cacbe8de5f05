-- The admin console (issue 15) lists, filters and pages what the worker keeps; these indexes keep each page's query an
-- index walk at 100,000 accounts and 1,000,000 transitions. Searching accounts by name uses the expression index (the
-- query must spell the same expression and collation).
CREATE INDEX ix_accounts_name ON accounts (json_extract(account_json, '$.name') COLLATE NOCASE);
CREATE INDEX ix_conflicts_open ON conflicts (id) WHERE action = 'Open' AND resolved_on IS NULL;
CREATE INDEX ix_conflicts_field ON conflicts (field, id);
CREATE INDEX ix_problems_record ON problems (record_id);
CREATE INDEX ix_intervention_tasks_account ON intervention_tasks (account_id);
CREATE INDEX ix_runs_started ON runs (started_at);
CREATE INDEX ix_write_entries_batch ON write_entries (batch_id);

-- Calls by kind of each run (token, query, describe, composite …) as a JSON object, for the console's run page; null on
-- runs before this version and on runs whose connector does not count by kind.
ALTER TABLE runs ADD COLUMN calls_json TEXT;
-- The org's daily API use as the CRM last reported it during the run (Salesforce Sforce-Limit-Info api-usage=USED/MAX;
-- null where the CRM does not say): the overview's "API budget used today".
ALTER TABLE runs ADD COLUMN api_used INTEGER;
ALTER TABLE runs ADD COLUMN api_max INTEGER;
-- The run a write batch belongs to, so a run's rejected writes are found by id rather than by time (two runs stamped alike
-- under a fixed clock used to share them); null on batches before this version.
ALTER TABLE write_batches ADD COLUMN run_id INTEGER;
CREATE INDEX ix_write_batches_run ON write_batches (run_id);
