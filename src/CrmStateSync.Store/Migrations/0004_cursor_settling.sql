-- When a pull first reached each cursor (the worker's clock), and whether the window before it has been re-read
-- long enough afterwards that no late commit can land in it (the connector then drops its overlap).
ALTER TABLE cursors ADD COLUMN reached_at TEXT;
ALTER TABLE cursors ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
