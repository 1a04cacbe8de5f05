-- Problems with records, per run (sync.md "No record stops a cycle"): a value the worker cannot read, a record kept
-- aside (a child with no, a malformed or an unknown account reference; an account with a bad input field), an
-- exception while handling one record. Open until the record is read back fine (or its account arrives); never deleted.
-- Rejected writes stay in the write journal and are listed with these (problems list), not copied.
CREATE TABLE problems (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL,
    object         TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    field          TEXT NOT NULL,
    value          TEXT,
    message        TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('Unreadable', 'UnknownAccount', 'Failed')),
    kept_aside     INTEGER NOT NULL,
    detected_at    TEXT NOT NULL,
    closed_at      TEXT,
    closed_run_id  INTEGER
);
CREATE INDEX ix_problems_open ON problems (object, record_id) WHERE closed_at IS NULL;
CREATE INDEX ix_problems_run ON problems (run_id);

-- Each run counts the problems it met.
ALTER TABLE runs ADD COLUMN problems INTEGER NOT NULL DEFAULT 0;
