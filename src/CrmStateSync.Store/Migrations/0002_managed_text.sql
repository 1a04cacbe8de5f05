-- The CRM's current value of every managed field as canonical text (AccountRecord.ManagedText): what the sync diffs
-- its computed values against, including the text fields (reason, divergence, next milestone) the rules do not read.
ALTER TABLE accounts ADD COLUMN managed_text_json TEXT NOT NULL DEFAULT '{}';
