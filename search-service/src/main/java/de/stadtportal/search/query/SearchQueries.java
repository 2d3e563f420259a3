package de.stadtportal.search.query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs searches against the active generation. One statement answers a whole page: the matches,
 * their scores, the page after the cursor, the total and the four facets, all read from the same
 * snapshot and the same generation, so a reindex switching meanwhile can never mix two copies.
 * <p>
 * Ranking: the weighted rank (title A … place D) of the widened query, plus one for matching the
 * exact query, one more when the exact query matches the title, two more when the whole title is
 * what was typed; an event whose last start has passed counts half, so upcoming events come first.
 * <p>
 * {@code q} is materialized on purpose: inlined, PostgreSQL would call {@code search_query} (which
 * reads the vocabulary) again for every matching row when it rechecks and ranks.
 */
@Component
public class SearchQueries {

    private static final String SEARCH = """
            WITH q AS MATERIALIZED (
                SELECT g.id AS generation,
                       CASE WHEN :hasText THEN search_query(:folded, CAST(:words AS text[]),
                                                            CAST(:excluded AS text[]), g.id) END AS full_query,
                       CASE WHEN :hasText THEN websearch_to_tsquery('de_unaccent', :folded) END AS exact_query
                FROM search_generation g WHERE g.state = 'active'
            ), matched AS MATERIALIZED (
                SELECT d.type, d.id, d.city, d.topic, d.category,
                       (cardinality(CAST(:types AS text[])) = 0 OR d.type = ANY(CAST(:types AS text[]))) AS in_type,
                       (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[]))) AS in_city,
                       (cardinality(CAST(:topics AS text[])) = 0 OR d.topic = ANY(CAST(:topics AS text[]))) AS in_topic,
                       (cardinality(CAST(:categories AS text[])) = 0
                           OR d.category = ANY(CAST(:categories AS text[]))) AS in_category,
                       (coalesce(CAST(ts_rank(CAST('{0.1, 0.2, 0.4, 1.0}' AS float4[]), d.tsv, q.full_query) AS float8), 0)
                        + CASE WHEN d.tsv @@ q.exact_query THEN 1 ELSE 0 END
                        + CASE WHEN ts_filter(d.tsv, CAST('{a}' AS "char"[])) @@ q.exact_query THEN 1 ELSE 0 END
                        + CASE WHEN :hasText AND d.title_fold = :titleKey THEN 2 ELSE 0 END)
                       * CASE WHEN d.type = 'event' AND d.occurrences[cardinality(d.occurrences)] < now()
                              THEN 0.5 ELSE 1 END AS score
                FROM search_document d, q
                WHERE d.generation = q.generation AND NOT d.removed
                  AND (q.full_query IS NULL OR d.tsv @@ q.full_query)
                  AND (d.type <> 'event' OR NOT :window OR EXISTS (
                          SELECT 1 FROM unnest(d.occurrences) o
                          WHERE o >= coalesce(CAST(:from AS timestamptz), '-infinity')
                            AND o < coalesce(CAST(:to AS timestamptz), 'infinity')))
            ), filtered AS (
                SELECT type, id, score FROM matched WHERE in_type AND in_city AND in_topic AND in_category
            ), page AS (
                SELECT type, id, score FROM filtered
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
                       'total', (SELECT count(*) FROM filtered),
                       'type', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT type AS k, count(*) AS n FROM matched WHERE in_city AND in_topic AND in_category
                           GROUP BY type) f),
                       'city', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT city AS k, count(*) AS n FROM matched WHERE in_type AND in_topic AND in_category
                           GROUP BY city) f),
                       'topic', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT topic AS k, count(*) AS n FROM matched
                           WHERE in_type AND in_city AND in_category AND topic IS NOT NULL GROUP BY topic) f),
                       'category', (SELECT coalesce(json_object_agg(k, n ORDER BY n DESC, k), '{}') FROM (
                           SELECT category AS k, count(*) AS n FROM matched
                           WHERE in_type AND in_city AND in_topic AND category IS NOT NULL GROUP BY category) f),
                       'query', (SELECT CAST(full_query AS text) FROM q)) AS text)
            """;

    private static final String MARKED = """
            SELECT w FROM unnest(CAST(:words AS text[])) AS w
            WHERE strpos(ts_headline('de_unaccent', w, CAST(:query AS tsquery),
                                     'HighlightAll=true, StartSel=<, StopSel=>'), '<') = 1
            """;

    private static final String SUGGEST = """
            WITH gen AS (SELECT id FROM search_generation WHERE state = 'active')
            (SELECT d.title AS suggestion, 0 AS source FROM search_document d, gen
             WHERE d.generation = gen.id AND NOT d.removed
               AND (cardinality(CAST(:cities AS text[])) = 0 OR d.city = ANY(CAST(:cities AS text[])))
               AND (d.title_fold LIKE :titlePrefix OR d.title_fold LIKE :innerPrefix)
             ORDER BY length(d.title), d.title
             LIMIT :limit)
            UNION ALL
            (SELECT s.display, 1 FROM search_word s, gen
             WHERE s.generation = gen.id AND s.word LIKE :wordPrefix AND s.word <> :lastWord
             ORDER BY s.documents DESC, s.word
             LIMIT :limit)
            """;

    private final DatabaseClient database;
    private final JsonMapper json;

    public SearchQueries(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** One page of documents (at most {@code query.limit()}), the total and the facets. */
    public Mono<Found> search(SearchQuery query, int fetch) {
        boolean window = query.from() != null || query.to() != null;
        SearchQuery.Position after = query.after();
        DatabaseClient.GenericExecuteSpec statement = database.sql(SEARCH)
                .bind("hasText", query.hasText())
                .bind("folded", query.folded())
                .bind("words", array(query.words()))
                .bind("excluded", array(query.excluded()))
                .bind("titleKey", query.titleKey())
                .bind("types", array(query.types()))
                .bind("cities", array(query.cities()))
                .bind("topics", array(query.topics()))
                .bind("categories", array(query.categories()))
                .bind("window", window)
                .bind("paged", after != null)
                .bind("afterScore", after == null ? 0.0 : after.score())
                .bind("afterType", after == null ? "" : after.type())
                .bind("afterId", after == null ? "" : after.id())
                .bind("limit", fetch);
        statement = query.from() == null ? statement.bindNull("from", OffsetDateTime.class)
                : statement.bind("from", query.from());
        statement = query.to() == null ? statement.bindNull("to", OffsetDateTime.class)
                : statement.bind("to", query.to());
        return statement
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
        return database.sql(SUGGEST)
                .bind("cities", array(cities))
                .bind("titlePrefix", titleKey + "%")
                .bind("innerPrefix", "% " + titleKey + "%")
                .bind("wordPrefix", lastWord + "%")
                .bind("lastWord", lastWord)
                .bind("limit", limit)
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

    private Found found(List<Row> rows) {
        List<FoundDocument> documents = rows.stream().filter(row -> "hit".equals(row.kind()))
                .sorted((a, b) -> Long.compare(a.ord(), b.ord()))
                .map(Row::document)
                .toList();
        FacetsRow facets = rows.stream().filter(row -> "facets".equals(row.kind())).findFirst()
                .map(row -> json.readValue(row.facets(), FacetsRow.class))
                .orElse(new FacetsRow(0, Map.of(), Map.of(), Map.of(), Map.of(), null));
        return new Found(facets.total(), documents,
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

    record FacetsRow(long total, Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category, String query) {
    }

    /** A document on the page, with the texts its snippet is cut from. */
    public record FoundDocument(String type, String id, String city, String title, String summary, String body,
            String url, String status, OffsetDateTime startsAt, double score) {
    }

    /** Counts per value of each facet; each facet counts the matches with every filter but its own. */
    public record Facets(Map<String, Long> type, Map<String, Long> city, Map<String, Long> topic,
            Map<String, Long> category) {
    }

    /**
     * @param tsquery the query as PostgreSQL built it, for marking snippets; null without text
     */
    public record Found(long total, List<FoundDocument> documents, Facets facets, String tsquery) {
    }
}
