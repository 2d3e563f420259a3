-- The search index: one row per document and generation, filled only from the four topics.
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13+): a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- German stemming after unaccent. The application folds ä/ö/ü to ae/oe/ue and ß to ss before any
-- text reaches PostgreSQL (GermanFolding), on the document and on the query side alike; unaccent
-- then takes care of the remaining accents (é, ç, ...).
CREATE TEXT SEARCH CONFIGURATION de_unaccent (COPY = german);
ALTER TEXT SEARCH CONFIGURATION de_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;

-- A generation is one complete copy of the index. Queries read the active one; a reindex builds a
-- new one beside it and switches in one transaction. At most one generation is active.
CREATE TABLE search_generation (
    id           BIGINT      PRIMARY KEY,
    state        TEXT        NOT NULL CHECK (state IN ('building', 'active', 'retired', 'failed')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    activated_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX search_generation_one_active ON search_generation ((true)) WHERE state = 'active';
CREATE SEQUENCE search_generation_id START 2;
INSERT INTO search_generation (id, state, activated_at) VALUES (1, 'active', now());

-- version guards every write (a row is replaced only by a newer version of its aggregate);
-- removed rows are kept as tombstones so that an older snapshot arriving late cannot revive them.
CREATE TABLE search_document (
    generation  BIGINT      NOT NULL REFERENCES search_generation (id),
    type        TEXT        NOT NULL,
    id          TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    removed     BOOLEAN     NOT NULL DEFAULT false,
    city        TEXT        NOT NULL,
    topic       TEXT,
    category    TEXT,
    status      TEXT,
    starts_at   TIMESTAMPTZ,
    occurrences TIMESTAMPTZ[] NOT NULL DEFAULT '{}',
    title       TEXT        NOT NULL,
    summary     TEXT        NOT NULL DEFAULT '',
    body        TEXT        NOT NULL DEFAULT '',
    url         TEXT        NOT NULL,
    title_fold  TEXT        NOT NULL,
    tsv         TSVECTOR    NOT NULL,
    indexed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (generation, type, id)
);
CREATE INDEX search_document_tsv ON search_document USING gin (tsv) WHERE NOT removed;
CREATE INDEX search_document_title ON search_document USING gin (title_fold gin_trgm_ops) WHERE NOT removed;

-- The folded words of the indexed texts, per generation: the vocabulary that query words are
-- widened with (one typo, parts of compounds) and that suggestions complete from.
CREATE TABLE search_word (
    generation BIGINT NOT NULL REFERENCES search_generation (id),
    word       TEXT   NOT NULL,
    display    TEXT   NOT NULL,
    documents  BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (generation, word)
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);

-- The tsquery for folded user text. The exact part comes from websearch_to_tsquery, which accepts
-- anything a user types; each word is also widened by its prefix and by words of the vocabulary
-- that contain it (compounds) or are one edit away (typos); words the user excluded with a
-- leading minus stay excluded from the widened part too. Words reach the tsquery parser only through
-- the text form of a tsquery that PostgreSQL built itself, so no input can cause a syntax error.
CREATE FUNCTION search_query(folded TEXT, words TEXT[], excluded TEXT[], generation BIGINT) RETURNS tsquery
LANGUAGE plpgsql STABLE AS $$
DECLARE
    exact   tsquery := websearch_to_tsquery('de_unaccent', folded);
    widened tsquery;
    part    tsquery;
    w       TEXT;
    candidate TEXT;
BEGIN
    FOREACH w IN ARRAY words LOOP
        part := plainto_tsquery('de_unaccent', w);
        CONTINUE WHEN numnode(part) = 0;  -- a stop word
        IF length(w) >= 3 THEN
            part := part || (plainto_tsquery('simple', w)::text || ':*')::tsquery;
        END IF;
        IF length(w) >= 4 THEN
            FOR candidate IN
                SELECT s.word FROM search_word s
                WHERE s.generation = search_query.generation AND s.word <> w
                  AND (s.word LIKE '%' || w || '%'
                       OR (s.word % w AND levenshtein_less_equal(s.word, w, 1) <= 1))
                ORDER BY s.documents DESC, s.word
                LIMIT 12
            LOOP
                part := part || plainto_tsquery('de_unaccent', candidate);
            END LOOP;
        END IF;
        widened := CASE WHEN widened IS NULL THEN part ELSE widened && part END;
    END LOOP;
    IF widened IS NOT NULL THEN
        FOREACH w IN ARRAY excluded LOOP
            part := plainto_tsquery('de_unaccent', w);
            CONTINUE WHEN numnode(part) = 0;
            widened := widened && !!part;
        END LOOP;
    END IF;
    IF widened IS NULL THEN
        RETURN exact;
    END IF;
    IF numnode(exact) = 0 THEN
        RETURN widened;
    END IF;
    RETURN exact || widened;
END
$$;
