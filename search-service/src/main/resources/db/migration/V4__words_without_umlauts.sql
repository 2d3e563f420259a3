-- Words typed without their umlauts (Munchen, Dusseldorf, Kuche) find the umlaut form. Folding the
-- bare vowel into the index would merge schon and schön, so instead a vocabulary word written with
-- umlauts keeps its spelling without them (search_word.bare, computed by GermanFolding.withoutUmlauts
-- when the word is indexed; NULL for words without umlauts), and search_query widens a query word
-- with the vocabulary words whose bare spelling it is. The exact spelling still ranks first: only
-- the widened part of the query holds the umlaut word.
ALTER TABLE search_word ADD COLUMN bare TEXT;

-- Words indexed before this migration: the same mapping from their displayed spelling (lower case,
-- umlauts to the bare vowel, ß to ss, other accents dropped); a reindex recomputes it in Java.
UPDATE search_word
SET bare = unaccent(translate(lower(display), 'äöü', 'aou'))
WHERE display ~ '[ÄÖÜäöü]';

CREATE INDEX search_word_bare ON search_word (generation, bare) WHERE bare IS NOT NULL;

-- As in V2, with one change: each word that is not frequent (common_word) is also widened with the
-- vocabulary words typed the same without umlauts (kuche → kueche), from three letters on.
CREATE OR REPLACE FUNCTION search_query(folded TEXT, words TEXT[], excluded TEXT[], generation BIGINT,
                                        common_word BIGINT)
RETURNS tsquery
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
        IF length(w) >= 3 AND NOT EXISTS (
                SELECT 1 FROM search_word s
                WHERE s.generation = search_query.generation AND s.word = w AND s.documents >= common_word) THEN
            FOR candidate IN
                SELECT s.word FROM search_word s
                WHERE s.generation = search_query.generation AND s.bare = w AND s.word <> w
                ORDER BY s.documents DESC, s.word
                LIMIT 12
            LOOP
                part := part || plainto_tsquery('de_unaccent', candidate);
            END LOOP;
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
