-- Small facts the worker must remember across processes (a `sync --once` per cron tick is a new process each time),
-- e.g. the day every account was last evaluated. Keys are owned by the code that writes them.
CREATE TABLE worker_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
