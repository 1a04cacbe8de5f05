-- CrmStateSync store, schema version 1. Dates are ISO text: calendar dates 'YYYY-MM-DD', instants UTC
-- 'YYYY-MM-DDTHH:MM:SS.fffffffZ' (both sort as text). No business rule lives here: only storage and uniqueness.

CREATE TABLE schema_info (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    version     INTEGER NOT NULL,
    org_id      TEXT NOT NULL,
    provider    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Incremental read position per CRM object.
CREATE TABLE cursors (
    object       TEXT PRIMARY KEY,
    modified_at  TEXT,
    last_id      TEXT
);

-- The input cache: account-level snapshot fields and managed values (JSON), as read from the CRM.
CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    modified_at   TEXT NOT NULL,
    account_json  TEXT NOT NULL,
    managed_json  TEXT NOT NULL
);

CREATE TABLE opportunities (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    modified_at  TEXT NOT NULL,
    record_json  TEXT NOT NULL
);
CREATE INDEX ix_opportunities_account ON opportunities (account_id);

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    modified_at  TEXT NOT NULL,
    record_json  TEXT NOT NULL
);
CREATE INDEX ix_contacts_account ON contacts (account_id);

CREATE TABLE usage (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    modified_at    TEXT NOT NULL,
    active_users   INTEGER NOT NULL,
    value_actions  INTEGER NOT NULL,
    core_events    INTEGER NOT NULL,
    metrics_json   TEXT NOT NULL
);
CREATE INDEX ix_usage_account_date ON usage (account_id, date);

-- Usage rows whose account is not (yet) in the cache: kept aside and reported, adopted when the account arrives.
CREATE TABLE usage_orphans (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL,
    date           TEXT NOT NULL,
    modified_at    TEXT NOT NULL,
    active_users   INTEGER NOT NULL,
    value_actions  INTEGER NOT NULL,
    core_events    INTEGER NOT NULL,
    metrics_json   TEXT NOT NULL,
    received_at    TEXT NOT NULL
);
CREATE INDEX ix_usage_orphans_account ON usage_orphans (account_id);

-- Totals of the usage rows pruned out of the retention window, one row per account. A row dated on or before
-- pruned_through that arrives later is already counted here and is not stored again.
CREATE TABLE usage_carry (
    account_id       TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    earliest_date    TEXT NOT NULL,
    first_active_on  TEXT,
    value_actions    INTEGER NOT NULL,
    core_events      INTEGER NOT NULL,
    metrics_json     TEXT NOT NULL,
    pruned_through   TEXT NOT NULL,
    rows_pruned      INTEGER NOT NULL
);

-- Accounts whose inputs changed since they were last evaluated.
CREATE TABLE dirty_accounts (
    account_id  TEXT PRIMARY KEY,
    marked_at   TEXT NOT NULL
);

-- What the worker itself last wrote: the stage (with source and date) and each field's value as text.
CREATE TABLE last_written_stage (
    account_id  TEXT PRIMARY KEY,
    stage       TEXT,
    source      TEXT NOT NULL,
    set_on      TEXT
);

CREATE TABLE last_written_fields (
    account_id  TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT,
    written_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, field)
);

-- Stage transitions; the same change appended twice (a replay after a crash) is stored once.
CREATE TABLE transitions (
    id           INTEGER PRIMARY KEY,
    account_id   TEXT NOT NULL,
    from_stage   TEXT,
    to_stage     TEXT,
    on_date      TEXT NOT NULL,
    source       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_transitions ON transitions (account_id, ifnull(from_stage, ''), ifnull(to_stage, ''), on_date);
CREATE INDEX ix_transitions_on ON transitions (on_date);

-- The conflict log: never deleted.
CREATE TABLE conflicts (
    id             INTEGER PRIMARY KEY,
    account_id     TEXT NOT NULL,
    field          TEXT NOT NULL,
    crm_value      TEXT,
    engine_value   TEXT,
    action         TEXT NOT NULL CHECK (action IN ('Reverted', 'Accepted', 'Open')),
    rule           TEXT,
    detected_on    TEXT NOT NULL,
    resolved_keep  TEXT CHECK (resolved_keep IN ('Crm', 'Engine')),
    resolved_on    TEXT
);
CREATE INDEX ix_conflicts_account ON conflicts (account_id);
CREATE INDEX ix_conflicts_detected ON conflicts (detected_on);

-- The write journal: entries are written before they are sent and completed after the CRM answers.
CREATE TABLE write_batches (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    completed_at  TEXT
);

CREATE TABLE write_entries (
    id             INTEGER PRIMARY KEY,
    batch_id       INTEGER NOT NULL REFERENCES write_batches (id),
    account_id     TEXT NOT NULL,
    fields_json    TEXT NOT NULL,
    values_json    TEXT NOT NULL,
    stage_json     TEXT,
    status         TEXT NOT NULL CHECK (status IN ('Pending', 'Done', 'Rejected', 'Superseded')),
    transient      INTEGER NOT NULL DEFAULT 0,
    error_code     TEXT,
    error_message  TEXT,
    errors_json    TEXT,
    completed_at   TEXT,
    UNIQUE (batch_id, account_id)
);
CREATE INDEX ix_write_entries_status ON write_entries (status);
CREATE INDEX ix_write_entries_account ON write_entries (account_id);

-- Intervention tasks: at most one open task per account and kind, across restarts.
CREATE TABLE intervention_tasks (
    id           INTEGER PRIMARY KEY,
    account_id   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('Open', 'Closed')),
    crm_task_id  TEXT,
    reserved_at  TEXT NOT NULL,
    closed_at    TEXT
);
CREATE UNIQUE INDEX ux_intervention_tasks_open ON intervention_tasks (account_id, kind) WHERE status = 'Open';

-- One row per cycle.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT,
    read         INTEGER NOT NULL DEFAULT 0,
    evaluated    INTEGER NOT NULL DEFAULT 0,
    written      INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    conflicts    INTEGER NOT NULL DEFAULT 0,
    api_calls    INTEGER NOT NULL DEFAULT 0
);
