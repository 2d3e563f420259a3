-- The media library. Bytes are content-addressed: media_object holds each distinct upload once,
-- keyed by its SHA-256; media holds what editors say about an image (alt text, credit, ...) and
-- points at its bytes. Renditions are made once per object, width and format and kept here too.

CREATE TABLE media_object (
    sha256     TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes      BYTEA       NOT NULL,
    size       INT         NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE media (
    id         UUID PRIMARY KEY,
    city       TEXT        NOT NULL REFERENCES city (slug),
    sha256     TEXT        NOT NULL REFERENCES media_object (sha256),
    format     TEXT        NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    width      INT         NOT NULL CHECK (width > 0),
    height     INT         NOT NULL CHECK (height > 0),
    size       INT         NOT NULL,
    alt        TEXT        NOT NULL,
    alt_en     TEXT,
    caption    TEXT,
    credit     TEXT,
    licence    TEXT,
    focal_x    DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    focal_y    DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    version    BIGINT      NOT NULL,
    created_by TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- the same bytes uploaded twice in one city are one item; other cities get items of their own
    CONSTRAINT media_once_per_city UNIQUE (city, sha256)
);

CREATE INDEX media_by_object ON media (sha256);

CREATE TABLE media_rendition (
    sha256 TEXT  NOT NULL REFERENCES media_object (sha256) ON DELETE CASCADE,
    width  INT   NOT NULL,
    format TEXT  NOT NULL CHECK (format IN ('jpg', 'webp')),
    bytes  BYTEA NOT NULL,
    PRIMARY KEY (sha256, width, format)
);

-- References by id beside the old {url, alt} shape. The foreign keys make a referenced item
-- impossible to delete even if a check above the database were skipped; revisions keep the id as
-- history without a key, so an old revision never holds an image in the library.
ALTER TABLE article ADD COLUMN hero_media_id UUID REFERENCES media (id);
ALTER TABLE article_revision ADD COLUMN hero_media_id UUID;
ALTER TABLE city ADD COLUMN hero_media_id UUID REFERENCES media (id);
ALTER TABLE highlight ADD COLUMN image_media_id UUID REFERENCES media (id);
ALTER TABLE highlight ALTER COLUMN image_url DROP NOT NULL;
ALTER TABLE highlight ALTER COLUMN image_alt DROP NOT NULL;

CREATE INDEX article_hero_media ON article (hero_media_id) WHERE hero_media_id IS NOT NULL;
CREATE INDEX city_hero_media ON city (hero_media_id) WHERE hero_media_id IS NOT NULL;
CREATE INDEX highlight_image_media ON highlight (image_media_id) WHERE image_media_id IS NOT NULL;
