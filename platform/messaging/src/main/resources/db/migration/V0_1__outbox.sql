-- Transactional outbox: a business change and the events it caused commit in one transaction.
-- Shipped by stadtportal-messaging; its migrations use versions below 1 so that a service's own
-- migrations (V1, V2, ...) always come after them.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    ce_source    TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    traceparent  TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    sent_at      TIMESTAMPTZ
);

-- The relay reads the oldest unsent row of each key and then that key's unsent rows in order.
CREATE INDEX outbox_unsent_by_key ON outbox (message_key, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wake relays on commit: NOTIFY is delivered when the inserting transaction commits, and only then.
CREATE FUNCTION outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('stadtportal_outbox', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Consumers remember the newest version applied per aggregate, so duplicates, replays and
-- out-of-order deliveries change nothing.
CREATE TABLE applied_version (
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    version        BIGINT      NOT NULL,
    applied_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_type, aggregate_id)
);
