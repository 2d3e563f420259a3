-- Cities, articles (one row per article and locale), their revisions, and each city's highlights.

CREATE TABLE city (
    slug        TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    claim       TEXT,
    motto       TEXT,
    intro       TEXT        NOT NULL DEFAULT '',
    -- facts keep the editor's order, which a JSONB object would not
    fact_keys   TEXT[]      NOT NULL DEFAULT '{}',
    fact_values TEXT[]      NOT NULL DEFAULT '{}',
    hero_url    TEXT,
    hero_alt    TEXT,
    neighbours  TEXT[]      NOT NULL DEFAULT '{}',
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A translation is an article of its own with the same city and slug and another locale.
CREATE TABLE article (
    id           UUID PRIMARY KEY,
    city         TEXT        NOT NULL REFERENCES city (slug),
    slug         TEXT        NOT NULL,
    locale       TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    subtitle     TEXT,
    summary      TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    tags         TEXT[]      NOT NULL DEFAULT '{}',
    hero_url     TEXT,
    hero_alt     TEXT,
    status       TEXT        NOT NULL CHECK (status IN ('draft', 'published')),
    publish_at   TIMESTAMPTZ,
    published_at TIMESTAMPTZ,
    announced    BOOLEAN     NOT NULL DEFAULT false,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT article_slug_per_locale UNIQUE (city, slug, locale)
);

-- public lists: newest first, keyset (published_at, id)
CREATE INDEX article_public ON article (city, published_at DESC, id DESC) WHERE status = 'published';
-- the scheduler's question: which drafts are due?
CREATE INDEX article_due ON article (publish_at) WHERE status = 'draft' AND publish_at IS NOT NULL;

-- Every saved state of an article, for editors; removed with the article.
CREATE TABLE article_revision (
    article_id UUID        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version    BIGINT      NOT NULL,
    change     TEXT        NOT NULL,
    saved_by   TEXT,
    saved_at   TIMESTAMPTZ NOT NULL,
    status     TEXT        NOT NULL,
    topic      TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    subtitle   TEXT,
    summary    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    tags       TEXT[]      NOT NULL,
    hero_url   TEXT,
    hero_alt   TEXT,
    publish_at TIMESTAMPTZ,
    PRIMARY KEY (article_id, version)
);

-- The carousel of a city is replaced as a whole; its version gives the ETag.
CREATE TABLE highlight_set (
    city       TEXT PRIMARY KEY REFERENCES city (slug),
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE highlight (
    city        TEXT        NOT NULL REFERENCES highlight_set (city) ON DELETE CASCADE,
    position    INT         NOT NULL,
    title       TEXT        NOT NULL,
    link_kind   TEXT        NOT NULL CHECK (link_kind IN ('article', 'event', 'venue', 'url')),
    link_target TEXT        NOT NULL,
    image_url   TEXT        NOT NULL,
    image_alt   TEXT        NOT NULL,
    valid_from  TIMESTAMPTZ,
    valid_until TIMESTAMPTZ,
    PRIMARY KEY (city, position)
);
