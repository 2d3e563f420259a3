package de.stadtportal.search.query.persistence;

import de.stadtportal.search.query.domain.Facets;
import de.stadtportal.search.query.domain.FoundDocument;
import de.stadtportal.search.query.domain.FoundPage;
import de.stadtportal.search.query.domain.SearchQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs searches against the active generation. One statement answers a whole page: the matches,
 * their scores, the page after the cursor, the total and the four facets, all read from the same
 * snapshot and the same generation, so a reindex switching meanwhile can never mix two copies.
 * <p>
 * The work is bounded; without the bound a frequent word meant ranking and counting tens of
 * thousands of rows. First the matches in samples are read: a fixed 1,024th of the documents by hash
 * of their key, and the 32nd that holds it (each with a GIN index of its own, V6). When the 32nd
 * shows more than {@code countedExactly} matches, total and facets are its counts times 32, or the
 * 1,024th's times 1,024 once the 32nd would hold more than twice {@code countedExactly} (its rows
 * are then not all read: at 1,000,000 documents a frequent word has 14,000 there), and the list is
 * ranked from at most {@code countedExactly} filtered matches of the 32nd. Otherwise the GIN index
 * finds all matches and the first {@code countedExactly} + 1 (in table order) are read: when that is
 * all of them, total, facets and ranking are exact as before; when not, they are counted and ranked
 * from those rows.
 * Whenever the list is bounded, the documents whose whole title was typed are added, so the best
 * hits are never missed, and the answer says {@code estimated}. Pages then end with the candidates.
 * <p>
 * Ranking: the weighted rank (title A … place D) of the widened query, plus one for matching the
 * exact query, one more when the exact query matches the title, two more when the whole title is
 * what was typed; an event whose last start has passed counts half, so upcoming events come first.
 * <p>
 * {@code q} is materialized on purpose: inlined, PostgreSQL would call {@code search_query} (which
 * reads the vocabulary) again for every matching row when it rechecks and ranks.
 * <p>
 * Searching with text and browsing without are one statement, {@link #SEARCH}. The two differ only
 * in how {@code matched} finds its rows, and each way is a branch of its own that {@code :hasText}
 * switches on or off as a whole: with text the tsquery drives a bitmap scan of the GIN index,
 * browsing reads every live document. Written as {@code (NOT :hasText OR d.tsv @@ ...)}, a plan
 * made for any value of {@code :hasText} could use no index, and every search would read every
 * {@code tsvector} (docs/benchmarks.md (Search)).
 * <p>
 * Longer than most classes: three statements of some length, kept together because they read the
 * same tables and indexes and are tuned together with the benchmark.
 */
@Repository
public class SearchRepository {

    /**
     * One page of a search or of browsing. {@code live} holds what every way of finding documents
     * shares (the active generation, the time window for events, whether an event is past, whether
     * a document passes each filter; each facet ignores its own filter); it is inlined where it is
     * used, so each use keeps its own index. {@code sample = 0} is the 32nd (V2), {@code sample = 0
     * AND fine_sample = 0} the 1,024th inside it (V6); {@code scale} picks the one that counts, and
     * the 32nd decides alone once it holds 10 matches.
     */
    static final String SEARCH = """
            WITH q AS MATERIALIZED (
                SELECT g.id AS generation,
                       CASE WHEN :hasText THEN search_query(:folded, CAST(:words AS text[]), CAST(:excluded AS text[]),
                                                            g.id, :commonWord) END AS full_query,
                       CASE WHEN :hasText THEN websearch_to_tsquery('de_unaccent', :folded) END AS exact_query
                FROM search_generation g WHERE g.state = 'active'
            ), live AS NOT MATERIALIZED (
                SELECT d.type, d.id, d.city, d.topic, d.category, d.title_fold, d.sample, d.fine_sample, d.tsv,
                       q.full_query,
                       d.type = 'event' AND d.occurrences[cardinality(d.occurrences)] < now() AS past,
                       (cardinality(CAST(:types AS text[])) = 0 OR d.type = ANY(CAST(:types AS text[]))) AS in_type,
                       (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[]))) AS in_city,
                       (cardinality(CAST(:topics AS text[])) = 0 OR d.topic = ANY(CAST(:topics AS text[]))) AS in_topic,
                       (cardinality(CAST(:categories AS text[])) = 0
                        OR d.category = ANY(CAST(:categories AS text[]))) AS in_category
                FROM q JOIN search_document d ON d.generation = q.generation
                WHERE NOT d.removed
                  AND (d.type <> 'event' OR NOT :window OR EXISTS (
                          SELECT 1 FROM unnest(d.occurrences) o
                          WHERE o >= coalesce(CAST(:from AS timestamptz), '-infinity')
                            AND o < coalesce(CAST(:to AS timestamptz), 'infinity')))
            ), fine AS MATERIALIZED (
                SELECT type, id, city, topic, category, title_fold, tsv, past, in_type, in_city, in_topic, in_category
                FROM live
                WHERE :hasText AND sample = 0 AND fine_sample = 0 AND tsv @@ full_query
            ), scale AS MATERIALIZED (
                -- count × 32 > 2 × counted, written so that browsing's unbounded :counted cannot overflow
                SELECT CASE WHEN count(*) * 16 > :counted THEN 1024 ELSE 32 END AS factor FROM fine
            ), sampled AS MATERIALIZED (
                SELECT type, id, city, topic, category, title_fold, tsv, past, in_type, in_city, in_topic, in_category
                FROM live
                WHERE :hasText AND sample = 0 AND tsv @@ full_query
                  AND ((SELECT factor FROM scale) = 32 OR (in_type AND in_city AND in_topic AND in_category))
                LIMIT CASE WHEN (SELECT factor FROM scale) = 1024 THEN :counted END
            ), bounded AS MATERIALIZED (
                SELECT (SELECT factor FROM scale) = 1024 OR (count(*) * 32 > :counted AND count(*) >= 10) AS bounded
                FROM sampled
            ), matched AS MATERIALIZED (
                SELECT * FROM (
                    SELECT type, id, city, topic, category, title_fold, tsv, past,
                           in_type, in_city, in_topic, in_category
                    FROM live
                    WHERE :hasText AND tsv @@ full_query
                    UNION ALL
                    SELECT type, id, city, topic, category, title_fold, CAST(NULL AS tsvector), past,
                           in_type, in_city, in_topic, in_category
                    FROM live
                    WHERE NOT :hasText
                ) m
                WHERE NOT (SELECT bounded FROM bounded)
                LIMIT :counted + 1
            ), exact AS MATERIALIZED (
                SELECT NOT (SELECT bounded FROM bounded) AND count(*) <= :counted AS exact FROM matched
            ), counted AS (
                SELECT type, city, topic, category, in_type, in_city, in_topic, in_category, 1 AS weight
                FROM matched
                UNION ALL
                SELECT type, city, topic, category, in_type, in_city, in_topic, in_category, 32
                FROM sampled WHERE (SELECT bounded FROM bounded) AND (SELECT factor FROM scale) = 32
                UNION ALL
                SELECT type, city, topic, category, in_type, in_city, in_topic, in_category, 1024
                FROM fine WHERE (SELECT factor FROM scale) = 1024
            ), listed AS (
                SELECT type, id, title_fold, tsv, past FROM matched
                WHERE in_type AND in_city AND in_topic AND in_category
                UNION ALL
                (SELECT type, id, title_fold, tsv, past FROM sampled
                 WHERE (SELECT bounded FROM bounded) AND in_type AND in_city AND in_topic AND in_category
                 LIMIT :counted)
            ), candidates AS (
                SELECT type, id, title_fold, tsv, past FROM listed
                UNION ALL
                SELECT type, id, title_fold, tsv, past FROM live t
                WHERE NOT (SELECT exact FROM exact) AND t.title_fold = :titleKey AND t.tsv @@ t.full_query
                  AND in_type AND in_city AND in_topic AND in_category
                  AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.type = t.type AND l.id = t.id)
            ), scored AS (
                SELECT c.type, c.id,
                       (coalesce(CAST(ts_rank(CAST('{0.1, 0.2, 0.4, 1.0}' AS float4[]), c.tsv, q.full_query) AS float8), 0)
                        + CASE WHEN c.tsv @@ q.exact_query THEN 1 ELSE 0 END
                        + CASE WHEN ts_filter(c.tsv, CAST('{a}' AS "char"[])) @@ q.exact_query THEN 1 ELSE 0 END
                        + CASE WHEN :hasText AND c.title_fold = :titleKey THEN 2 ELSE 0 END)
                       * CASE WHEN c.past THEN 0.5 ELSE 1 END AS score
                FROM candidates c, q
            ), page AS (
                SELECT type, id, score FROM scored
                WHERE NOT :paged OR score < :afterScore OR (score = :afterScore AND (type, id) > (:afterType, :afterId))
                ORDER BY score DESC, type, id
                LIMIT :limit
            )
            SELECT 'hit' AS kind, row_number() OVER (ORDER BY p.score DESC, p.type, p.id) AS ord,
                   p.type, p.id, d.city, d.title, d.summary, d.body, d.url, d.status,
                   CASE WHEN p.type = 'event' THEN coalesce(
                       (SELECT min(o) FROM unnest(d.occurrences) o WHERE o >= now()), d.starts_at) END AS starts_at,
                   p.score, CAST(NULL AS text) AS facets
            FROM page p
            JOIN q ON true
            JOIN search_document d ON d.generation = q.generation AND d.type = p.type AND d.id = p.id
            UNION ALL
            SELECT 'facets', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   CAST(json_build_object(
                       'total', greatest((SELECT coalesce(sum(weight), 0) FROM counted
                                          WHERE in_type AND in_city AND in_topic AND in_category),
                                         (SELECT count(*) FROM candidates)),
                       'estimated', NOT (SELECT exact FROM exact),
                       'type', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT type AS k, sum(weight) AS n FROM counted WHERE in_city AND in_topic AND in_category
                           GROUP BY type) f),
                       'city', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT city AS k, sum(weight) AS n FROM counted WHERE in_type AND in_topic AND in_category
                           GROUP BY city) f),
                       'topic', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT topic AS k, sum(weight) AS n FROM counted
                           WHERE in_type AND in_city AND in_category AND topic IS NOT NULL GROUP BY topic) f),
                       'category', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT category AS k, sum(weight) AS n FROM counted
                           WHERE in_type AND in_city AND in_topic AND category IS NOT NULL GROUP BY category) f),
                       'query', (SELECT CAST(full_query AS text) FROM q)) AS text)
            """;

    /** {@link #SEARCH} with its plan and timings, for the benchmark's {@code -Dexplain=true}. */
    private static final String EXPLAIN_SEARCH = "EXPLAIN (ANALYZE, BUFFERS) " + SEARCH;

    /**
     * One headline over all candidate words, separated by spaces (words are letters and digits only,
     * see {@code GermanFolding}): a word matches when its part of the headline starts marked. One
     * call instead of one per word, which took ~10 ms for a page of 20 documents.
     */
    private static final String MARKED = """
            SELECT m.w FROM unnest(CAST(:words AS text[]),
                                   string_to_array(ts_headline('de_unaccent', array_to_string(CAST(:words AS text[]), ' '),
                                                               CAST(:query AS tsquery),
                                                               'HighlightAll=true, StartSel=<, StopSel=>'), ' '))
                            AS m (w, marked)
            WHERE left(m.marked, 1) = '<'
            """;

    /**
     * Completions: titles of live documents, then vocabulary words. The shortest titles are offered,
     * taken from the first {@link #TITLE_CANDIDATES} that match: a letter or two match hundreds of
     * thousands of titles at 1,000,000 documents, too many to sort for every key typed. The
     * vocabulary only grows until a reindex (its {@code documents} and {@code cities} count every
     * version that held a word), so a word is offered only while a live document in the cities asked
     * for still matches it: the most frequent {@link #SUGGESTION_CANDIDATES} × limit words are
     * checked one by one, in order, through the text index, until the limit is reached. Each is
     * looked up in the 1,024th sample's index first: a frequent word is found there at once, where
     * the whole index would first gather its hundreds of thousands of documents (100 ms a word at
     * 1,000,000 documents); only a word the sample lacks is looked up in the whole index. Words of
     * withdrawn, removed or edited documents are not offered; a word whose checked candidates all
     * went away yields fewer words.
     */
    private static final String SUGGEST = """
            WITH gen AS (SELECT id FROM search_generation WHERE state = 'active')
            (SELECT t.title AS suggestion, 0 AS source FROM (
                 SELECT d.title FROM search_document d, gen
                 WHERE d.generation = gen.id AND NOT d.removed
                   AND (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[])))
                   AND (d.title_fold LIKE :titlePrefix OR d.title_fold LIKE :innerPrefix)
                 LIMIT :titles) t
             ORDER BY length(t.title), t.title
             LIMIT :limit)
            UNION ALL
            (SELECT c.display, 1 FROM (
                 SELECT s.word, s.display FROM search_word s, gen
                 WHERE s.generation = gen.id AND s.word LIKE :wordPrefix AND s.word <> :lastWord
                   AND (cardinality(CAST(:cities AS text[])) = 0 OR cardinality(s.cities) = 0
                        OR s.cities && CAST(:cities AS text[]))
                 ORDER BY s.documents DESC, s.word
                 LIMIT :candidates) c
             WHERE numnode(plainto_tsquery('de_unaccent', c.word)) > 0
               AND (EXISTS (SELECT 1 FROM search_document d, gen
                            WHERE d.generation = gen.id AND NOT d.removed AND d.sample = 0 AND d.fine_sample = 0
                              AND (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[])))
                              AND d.tsv @@ plainto_tsquery('de_unaccent', c.word))
                    OR EXISTS (SELECT 1 FROM search_document d, gen
                               WHERE d.generation = gen.id AND NOT d.removed
                                 AND (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[])))
                                 AND d.tsv @@ plainto_tsquery('de_unaccent', c.word)))
             LIMIT :limit)
            """;

    /** How many matching titles are read at most, to offer the shortest of them. */
    private static final int TITLE_CANDIDATES = 500;

    /** How many vocabulary words per suggestion asked for are checked against live documents. */
    private static final int SUGGESTION_CANDIDATES = 4;

    private final DatabaseClient database;
    private final JsonMapper json;
    private final SearchLimits limits;

    public SearchRepository(DatabaseClient database, JsonMapper json, SearchLimits limits) {
        this.database = database;
        this.json = json;
        this.limits = limits;
    }

    /**
     * The documents of one page (up to {@code fetch}, best first: ask for one more than the page
     * holds to learn whether more follow), the total and the facets.
     */
    public Mono<FoundPage> search(SearchQuery query, int fetch) {
        return bound(database.sql(SEARCH), query, fetch)
                .map(row -> new Row(row.get("kind", String.class), row.get("ord", Long.class),
                        new FoundDocument(row.get("type", String.class), row.get("id", String.class),
                                row.get("city", String.class), row.get("title", String.class),
                                row.get("summary", String.class), row.get("body", String.class),
                                row.get("url", String.class), row.get("status", String.class),
                                row.get("starts_at", OffsetDateTime.class),
                                row.get("score", Double.class) == null ? 0 : row.get("score", Double.class)),
                        row.get("facets", String.class)))
                .all()
                .collectList()
                .map(this::found);
    }

    /** The plan of {@link #search}, run with {@code EXPLAIN (ANALYZE, BUFFERS)}: for the benchmark. */
    public Mono<String> explain(SearchQuery query, int fetch) {
        return bound(database.sql(EXPLAIN_SEARCH), query, fetch)
                .map(row -> row.get(0, String.class))
                .all()
                .collect(Collectors.joining("\n"));
    }

    private DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec statement, SearchQuery query,
            int fetch) {
        SearchQuery.Position after = query.after();
        statement = statement
                .bind("hasText", query.hasText())
                .bind("commonWord", limits.commonWord())
                .bind("counted", query.hasText() ? limits.countedExactly() : Long.MAX_VALUE - 1)
                .bind("folded", query.folded())
                .bind("words", array(query.words()))
                .bind("excluded", array(query.excluded()))
                .bind("titleKey", query.titleKey())
                .bind("types", array(query.types()))
                .bind("cities", array(query.cities()))
                .bind("topics", array(query.topics()))
                .bind("categories", array(query.categories()))
                .bind("window", query.from() != null || query.to() != null)
                .bind("paged", after != null)
                .bind("afterScore", after == null ? 0.0 : after.score())
                .bind("afterType", after == null ? "" : after.type())
                .bind("afterId", after == null ? "" : after.id())
                .bind("limit", fetch);
        statement = query.from() == null ? statement.bindNull("from", OffsetDateTime.class)
                : statement.bind("from", query.from());
        return query.to() == null ? statement.bindNull("to", OffsetDateTime.class)
                : statement.bind("to", query.to());
    }

    /** Which of the given folded words match the query, by the same stemming the index uses. */
    public Mono<Set<String>> marked(Collection<String> words, String tsquery) {
        if (words.isEmpty() || tsquery == null || tsquery.isBlank()) {
            return Mono.just(Set.of());
        }
        return database.sql(MARKED)
                .bind("words", words.toArray(String[]::new))
                .bind("query", tsquery)
                .map(row -> row.get("w", String.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** Titles starting with the text, or with a word starting with it, then frequent words completing it. */
    public Mono<List<String>> suggest(String titleKey, String lastWord, List<String> cities, int limit) {
        return bound(database.sql(SUGGEST), titleKey, lastWord, cities, limit)
                .map(row -> new Suggestion(row.get("suggestion", String.class), row.get("source", Integer.class)))
                .all()
                .collectList()
                .map(suggestions -> {
                    List<String> titles = new ArrayList<>();
                    List<String> words = new ArrayList<>();
                    suggestions.forEach(s -> (s.source() == 0 ? titles : words).add(s.text()));
                    titles.addAll(words);
                    return titles;
                });
    }

    /** {@link #SUGGEST} with its plan and timings, for the benchmark's {@code -Dexplain=true}. */
    public Mono<String> explainSuggest(String titleKey, String lastWord, List<String> cities, int limit) {
        return bound(database.sql("EXPLAIN (ANALYZE, BUFFERS) " + SUGGEST), titleKey, lastWord, cities, limit)
                .map(row -> row.get(0, String.class))
                .all()
                .collect(Collectors.joining("\n"));
    }

    private static DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec statement,
            String titleKey, String lastWord, List<String> cities, int limit) {
        return statement
                .bind("cities", array(cities))
                .bind("titlePrefix", titleKey + "%")
                .bind("innerPrefix", "% " + titleKey + "%")
                .bind("wordPrefix", lastWord + "%")
                .bind("lastWord", lastWord)
                .bind("limit", limit)
                .bind("titles", TITLE_CANDIDATES)
                .bind("candidates", limit * SUGGESTION_CANDIDATES);
    }

    private FoundPage found(List<Row> rows) {
        List<FoundDocument> documents = rows.stream().filter(row -> "hit".equals(row.kind()))
                .sorted((a, b) -> Long.compare(a.ord(), b.ord()))
                .map(Row::document)
                .toList();
        FacetsRow facets = rows.stream().filter(row -> "facets".equals(row.kind())).findFirst()
                .map(row -> json.readValue(row.facets(), FacetsRow.class))
                .orElse(new FacetsRow(0, false, Map.of(), Map.of(), Map.of(), Map.of(), null));
        return new FoundPage(facets.total(), facets.estimated(), documents,
                new Facets(ordered(facets.type()), ordered(facets.city()), ordered(facets.topic()),
                        ordered(facets.category())),
                facets.query());
    }

    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return counts == null ? Map.of() : new LinkedHashMap<>(counts);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private record Row(String kind, Long ord, FoundDocument document, String facets) {
    }

    private record Suggestion(String text, Integer source) {
    }

    record FacetsRow(long total, boolean estimated, Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category, String query) {
    }
}
