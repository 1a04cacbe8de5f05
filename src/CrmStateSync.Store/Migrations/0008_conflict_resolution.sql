-- An admin's resolution says who made it, and when the worker acted on it (issue 13 item 1): `resolved_by` is the name
-- given to `conflicts resolve` (default: the operating-system user); `applied_at` is set when a cycle has evaluated the
-- account after the resolution — for --keep engine once the CRM confirmed the engine value, for --keep crm once the worker
-- left the human value in place.
ALTER TABLE conflicts ADD COLUMN resolved_by TEXT;
ALTER TABLE conflicts ADD COLUMN applied_at TEXT;
