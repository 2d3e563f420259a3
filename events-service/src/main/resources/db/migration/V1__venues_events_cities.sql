-- Great-circle distances with an index: earthdistance places points on a sphere (as cubes), so a
-- GiST index on ll_to_earth(lat, lon) answers "within r metres" with earth_box before the exact test.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- The cities content-service announced on content.cities.v1; writes for any other city are refused.
CREATE TABLE known_city (
    slug       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE venue (
    id            UUID PRIMARY KEY,
    city          TEXT             NOT NULL,
    name          TEXT             NOT NULL,
    street        TEXT             NOT NULL,
    postal_code   TEXT             NOT NULL,
    locality      TEXT             NOT NULL,
    lat           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    accessibility TEXT[]           NOT NULL DEFAULT '{}',
    url           TEXT,
    version       BIGINT           NOT NULL,
    created_at    TIMESTAMPTZ      NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL
);

CREATE INDEX venue_by_city_and_name ON venue (city, name, id);
CREATE INDEX venue_by_name ON venue (name, id);
CREATE INDEX venue_position ON venue USING gist (ll_to_earth(lat, lon));

CREATE TABLE event (
    id             UUID PRIMARY KEY,
    city           TEXT        NOT NULL,
    venue_id       UUID        NOT NULL REFERENCES venue (id),
    title          TEXT        NOT NULL,
    description    TEXT        NOT NULL,
    category       TEXT        NOT NULL,
    start_at       TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ,
    all_day        BOOLEAN     NOT NULL,
    rrule          TEXT,
    exdates        TEXT[]      NOT NULL DEFAULT '{}',
    -- when the last occurrence ends; NULL while a series has no end
    series_end     TIMESTAMPTZ,
    price_free     BOOLEAN     NOT NULL,
    price_min      NUMERIC(10, 2) CHECK (price_min >= 0),
    price_max      NUMERIC(10, 2) CHECK (price_max >= 0),
    currency       TEXT,
    ticket_url     TEXT,
    language       TEXT        NOT NULL,
    accessibility  TEXT[]      NOT NULL DEFAULT '{}',
    tags           TEXT[]      NOT NULL DEFAULT '{}',
    image_url      TEXT,
    image_alt      TEXT,
    status         TEXT        NOT NULL,
    previous_start TIMESTAMPTZ,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (end_at IS NULL OR end_at > start_at),
    CHECK (status IN ('scheduled', 'cancelled', 'postponed', 'rescheduled', 'sold_out'))
);

-- Candidates of a time window: every event whose span [start, series end] meets the window.
CREATE INDEX event_span ON event USING gist (tstzrange(start_at, series_end, '[]'));
CREATE INDEX event_by_city_and_start ON event (city, start_at);
CREATE INDEX event_by_venue ON event (venue_id);
