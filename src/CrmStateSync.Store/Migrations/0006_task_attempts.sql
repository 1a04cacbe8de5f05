-- What became of each task create, kept with its reservation (tasks exactly once):
-- maybe_created: a create was sent and no answer said what became of it (a lost answer, or a process that died while it
--   was out): the next cycle looks the task up by its marker before sending it again. Reservations made before this
--   version may have been sent, so they start as 1; new reservations are inserted with 0.
-- attempts, last_attempt_at: creates sent for it; last_error_code/message: the CRM's last refusal (or why the fate is unknown).
ALTER TABLE intervention_tasks ADD COLUMN maybe_created INTEGER NOT NULL DEFAULT 1;
ALTER TABLE intervention_tasks ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE intervention_tasks ADD COLUMN last_attempt_at TEXT;
ALTER TABLE intervention_tasks ADD COLUMN last_error_code TEXT;
ALTER TABLE intervention_tasks ADD COLUMN last_error_message TEXT;
