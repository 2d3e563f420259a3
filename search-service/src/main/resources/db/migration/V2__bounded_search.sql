-- Searches that match tens of thousands of documents stay fast (docs/benchmarks.md (Search)):
-- above a bound, total and facets are estimated from a fixed 1/32 sample of the documents, and
-- frequent words are no longer widened to their compounds.

-- The sample a document belongs to, 0–31, from a hash of its key: uniform over types, cities and
-- time, and the same for every version of the document. Sample 0 has an index of its own, so
-- counting its matches reads a 32nd of the postings and of the rows.
ALTER TABLE search_document
    ADD COLUMN sample SMALLINT GENERATED ALWAYS AS (hashtext(type || '/' || id) & 31) STORED;
CREATE INDEX search_document_tsv_sample ON search_document USING gin (tsv) WHERE NOT removed AND sample = 0;

-- As in V1, with one change: a word that occurs in at least common_word documents is taken as
-- meant. It keeps its stem and prefix but is not widened by vocabulary neighbours (compounds that
-- contain it, words one edit away): those added tens of thousands of rows to frequent words
-- (Konzert → Handwerkkonzert, Tanzkonzert, …) and the time to match them, for little gain: a
-- frequent word is rarely a typo. Rare and unknown words (forum → Musikforum, Konzrt → Konzert)
-- are widened as before.
DROP FUNCTION search_query(TEXT, TEXT[], TEXT[], BIGINT);
CREATE FUNCTION search_query(folded TEXT, words TEXT[], excluded TEXT[], generation BIGINT, common_word BIGINT)
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
        IF length(w) >= 4 AND NOT EXISTS (
                SELECT 1 FROM search_word s
                WHERE s.generation = search_query.generation AND s.word = w AND s.documents >= common_word) THEN
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

-- The whole title typed is the best hit there is; when the list is ranked from a bounded set of
-- candidates, such documents are looked up by title and added. A hash index: titles can be longer
-- than a B-tree entry may be, and only equality is asked.
CREATE INDEX search_document_title_key ON search_document USING hash (title_fold) WHERE NOT removed;
