-- What each intervention task says, kept with its reservation: a crash between reserving and the CRM's confirmation
-- leaves enough to look the task up by its marker or create it on the next cycle (interventions are raised only once).
-- Null on reservations made before this version.
ALTER TABLE intervention_tasks ADD COLUMN owner_id TEXT;
ALTER TABLE intervention_tasks ADD COLUMN reason TEXT;
ALTER TABLE intervention_tasks ADD COLUMN due TEXT;
