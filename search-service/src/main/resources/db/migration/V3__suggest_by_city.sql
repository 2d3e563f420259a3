-- Word completions keep to the cities asked for (GET /api/search/suggest?city=): each vocabulary word
-- remembers the cities whose documents hold it. A word also used in another city still appears, it
-- is one the asked city's documents hold too. Words indexed before this column existed have no
-- cities and are offered for every city until the next reindex (POST /api/search/reindex) fills it.
ALTER TABLE search_word ADD COLUMN cities TEXT[] NOT NULL DEFAULT '{}';
