-- A second, finer sample for very broad searches (docs/benchmarks.md (Search), 1,000,000 documents).
-- V2's 32nd holds 14,000 matches of a word found in half of a million documents, and reading those
-- rows cost 100–250 ms. The sample number now runs 0–1023: sample < 32 is the 32nd as before (a
-- different 32nd, the same size), sample = 0 a 1,024th inside it, each with a text index of its own.
-- A search reads the 1,024th first and the 32nd only while that would hold at most the counted
-- bound of matches, so no search reads more than about a thousand sampled rows at any size.
-- Dropping the column drops V2's index on it; adding it rewrites the table once.
ALTER TABLE search_document DROP COLUMN sample;
ALTER TABLE search_document
    ADD COLUMN sample SMALLINT GENERATED ALWAYS AS (hashtext(type || '/' || id) & 1023) STORED;
CREATE INDEX search_document_tsv_sample ON search_document USING gin (tsv) WHERE NOT removed AND sample < 32;
CREATE INDEX search_document_tsv_fine_sample ON search_document USING gin (tsv) WHERE NOT removed AND sample = 0;
