-- A reindex's state lives with its generation, not in the memory of the instance running it: every
-- instance answers its progress, and one that starts neither aborts a reindex another instance is
-- running (its heartbeat is fresh) nor leaves one whose instance died blocking every later reindex
-- (its heartbeat is stale: the lease ran out).
ALTER TABLE search_generation
    ADD COLUMN owner        TEXT,
    ADD COLUMN heartbeat_at TIMESTAMPTZ,
    ADD COLUMN read_records    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN total_records   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN skipped_records BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN finished_at  TIMESTAMPTZ,
    ADD COLUMN error        TEXT;

-- one reindex at a time across all instances (before, only the INSERT's NOT EXISTS said so)
CREATE UNIQUE INDEX search_generation_one_building ON search_generation ((true)) WHERE state = 'building';
