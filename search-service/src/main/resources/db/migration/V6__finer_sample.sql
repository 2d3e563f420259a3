-- A second, finer sample for very broad searches (docs/benchmarks.md (Search), 1,000,000 documents).
-- V2's 32nd (sample = 0) holds 14,000 matches of a word found in half of a million documents, and
-- reading those rows cost 100–250 ms. fine_sample splits each 32nd again by the next five bits of
-- the same hash: sample = 0 AND fine_sample = 0 is a 1,024th inside the 32nd, with a text index of
-- its own. A search reads the 1,024th first and counts from it once the 32nd would hold more than
-- twice the counted bound, so no search reads more than about a thousand sampled rows at any size.
-- sample keeps its meaning, so instances still running the code before this migration (a rolling
-- update) search as they did. Adding the column rewrites the table once.
ALTER TABLE search_document
    ADD COLUMN fine_sample SMALLINT GENERATED ALWAYS AS ((hashtext(type || '/' || id) >> 5) & 31) STORED;
CREATE INDEX search_document_tsv_fine_sample ON search_document USING gin (tsv)
    WHERE NOT removed AND sample = 0 AND fine_sample = 0;
