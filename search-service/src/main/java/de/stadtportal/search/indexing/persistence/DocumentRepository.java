package de.stadtportal.search.indexing.persistence;

import de.stadtportal.search.document.domain.GermanFolding;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.document.domain.SearchDocument;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes index changes into {@code search_document}, and the words of each applied document into
 * the generation's vocabulary, in one statement: either both happen or neither. One change
 * ({@link #apply}) or the changes of a whole poll ({@link #applyAll}, one multi-row upsert with the
 * same version guard) make one statement. A word written
 * with umlauts also keeps its spelling without them ({@code bare}: {@code kueche → kuche}), which
 * the query side widens with.
 * <p>
 * Live changes go into every generation that is active or being built, so that a reindex which
 * started before a change was published still ends up with it; a reindex writes into its own
 * generation only. The version guard makes the order of the two writers irrelevant.
 */
@Repository
public class DocumentRepository {

    /** Every generation that answers queries now or will after a reindex. */
    public static final long LIVE = 0;

    private static final int MOST_WORDS = 600;

    /**
     * The guarded upsert of one document into the generations asked for, and its words into their
     * vocabularies; the words are written only for generations whose row was applied.
     */
    private static final String APPLY = """
        WITH applied AS (
            INSERT INTO search_document (generation, type, id, version, removed, city, topic, category,
                                         status, starts_at, occurrences, title, summary, body, url,
                                         title_fold, tsv, indexed_at)
            SELECT g.id, :type, :id, :version, :removed, :city, :topic, :category,
                   :status, :startsAt, CAST(:occurrences AS timestamptz[]), :title, :summary, :body, :url,
                   :titleFold,
                   setweight(to_tsvector('de_unaccent', :a), 'A') || setweight(to_tsvector('de_unaccent', :b), 'B')
                   || setweight(to_tsvector('de_unaccent', :c), 'C') || setweight(to_tsvector('de_unaccent', :d), 'D'),
                   now()
            FROM search_generation g
            WHERE g.id = :generation OR (:generation = 0 AND g.state IN ('active', 'building'))
            ORDER BY g.id
            ON CONFLICT (generation, type, id) DO UPDATE SET
                version = excluded.version, removed = excluded.removed, city = excluded.city,
                topic = excluded.topic, category = excluded.category, status = excluded.status,
                starts_at = excluded.starts_at, occurrences = excluded.occurrences, title = excluded.title,
                summary = excluded.summary, body = excluded.body, url = excluded.url,
                title_fold = excluded.title_fold, tsv = excluded.tsv, indexed_at = excluded.indexed_at
            WHERE search_document.version < excluded.version
            RETURNING generation
        ), words AS (
            INSERT INTO search_word (generation, word, display, cities, bare)
            SELECT a.generation, w.word, w.display, ARRAY[CAST(:city AS text)], nullif(w.bare, '')
            FROM applied a, unnest(CAST(:words AS text[]), CAST(:displays AS text[]), CAST(:bares AS text[]))
                AS w (word, display, bare)
            ORDER BY a.generation, w.word
            ON CONFLICT (generation, word) DO UPDATE
                SET documents = search_word.documents + 1, display = excluded.display,
                    bare = coalesce(excluded.bare, search_word.bare),
                    cities = CASE WHEN excluded.cities <@ search_word.cities THEN search_word.cities
                                  ELSE search_word.cities || excluded.cities END
        )
        SELECT count(*) AS applied FROM applied
        """;

    /**
     * {@link #APPLY} for many documents at once, one row per document (at most one per type and id):
     * the documents come as parallel arrays, their words as arrays naming the document's position.
     * A word of several applied documents is written once, counting them all.
     */
    private static final String APPLY_ALL = """
        WITH input AS (
            SELECT * FROM unnest(CAST(:types AS text[]), CAST(:ids AS text[]), CAST(:versions AS bigint[]),
                                 CAST(:removed AS boolean[]), CAST(:cities AS text[]), CAST(:topics AS text[]),
                                 CAST(:categories AS text[]), CAST(:statuses AS text[]), CAST(:startsAt AS text[]),
                                 CAST(:occurrences AS text[]), CAST(:titles AS text[]), CAST(:summaries AS text[]),
                                 CAST(:bodies AS text[]), CAST(:urls AS text[]), CAST(:titleFolds AS text[]),
                                 CAST(:a AS text[]), CAST(:b AS text[]), CAST(:c AS text[]), CAST(:d AS text[]))
                WITH ORDINALITY AS d (type, id, version, removed, city, topic, category, status, starts_at,
                                      occurrences, title, summary, body, url, title_fold, a, b, c, d, ord)
        ), applied AS (
            INSERT INTO search_document (generation, type, id, version, removed, city, topic, category,
                                         status, starts_at, occurrences, title, summary, body, url,
                                         title_fold, tsv, indexed_at)
            SELECT g.id, d.type, d.id, d.version, d.removed, d.city, d.topic, d.category,
                   d.status, CAST(d.starts_at AS timestamptz), CAST(d.occurrences AS timestamptz[]), d.title,
                   d.summary, d.body, d.url, d.title_fold,
                   setweight(to_tsvector('de_unaccent', d.a), 'A') || setweight(to_tsvector('de_unaccent', d.b), 'B')
                   || setweight(to_tsvector('de_unaccent', d.c), 'C') || setweight(to_tsvector('de_unaccent', d.d), 'D'),
                   now()
            FROM input d CROSS JOIN search_generation g
            WHERE g.id = :generation OR (:generation = 0 AND g.state IN ('active', 'building'))
            ORDER BY g.id, d.type, d.id
            ON CONFLICT (generation, type, id) DO UPDATE SET
                version = excluded.version, removed = excluded.removed, city = excluded.city,
                topic = excluded.topic, category = excluded.category, status = excluded.status,
                starts_at = excluded.starts_at, occurrences = excluded.occurrences, title = excluded.title,
                summary = excluded.summary, body = excluded.body, url = excluded.url,
                title_fold = excluded.title_fold, tsv = excluded.tsv, indexed_at = excluded.indexed_at
            WHERE search_document.version < excluded.version
            RETURNING generation, type, id
        ), words AS (
            INSERT INTO search_word (generation, word, display, cities, bare, documents)
            SELECT a.generation, w.word, (array_agg(w.display ORDER BY d.ord DESC))[1],
                   array_agg(DISTINCT d.city), max(nullif(w.bare, '')), count(*)
            FROM applied a
            JOIN input d ON d.type = a.type AND d.id = a.id
            JOIN unnest(CAST(:wordOf AS bigint[]), CAST(:words AS text[]), CAST(:displays AS text[]),
                        CAST(:bares AS text[])) AS w (ord, word, display, bare) ON w.ord = d.ord
            GROUP BY a.generation, w.word
            ORDER BY a.generation, w.word
            ON CONFLICT (generation, word) DO UPDATE
                SET documents = search_word.documents + excluded.documents, display = excluded.display,
                    bare = coalesce(excluded.bare, search_word.bare),
                    cities = CASE WHEN excluded.cities <@ search_word.cities THEN search_word.cities
                                  ELSE search_word.cities || ARRAY(SELECT unnest(excluded.cities)
                                                                   EXCEPT SELECT unnest(search_word.cities)) END
        )
        SELECT DISTINCT type, id FROM applied
        """;

    private static final String COUNT_BY_TYPE = """
        SELECT d.type, count(*) AS n FROM search_document d
        WHERE d.generation = (SELECT id FROM search_generation WHERE state = 'active') AND NOT d.removed
        GROUP BY d.type
        """;

    private final DatabaseClient database;

    DocumentRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Applies a change to {@code generation} ({@link #LIVE} for all live ones); true when it was newer. */
    public Mono<Boolean> apply(IndexChange change, long generation) {
        SearchDocument document = change instanceof IndexChange.Upsert upsert ? upsert.document() : null;
        Map<String, String> vocabulary = vocabulary(document);
        Map<String, String> bare = document == null ? Map.of() : GermanFolding.umlautless(document.allText());
        DatabaseClient.GenericExecuteSpec statement = database.sql(APPLY)
                .bind("generation", generation)
                .bind("type", change.type().wire())
                .bind("id", change.id())
                .bind("version", change.version())
                .bind("removed", document == null)
                .bind("city", change.city())
                .bind("words", vocabulary.keySet().toArray(String[]::new))
                .bind("displays", vocabulary.values().toArray(String[]::new))
                .bind("bares", vocabulary.keySet().stream().map(word -> bare.getOrDefault(word, ""))
                        .toArray(String[]::new));
        if (document == null) {
            statement = nullable(statement, "topic", null, String.class);
            statement = nullable(statement, "category", null, String.class);
            statement = nullable(statement, "status", null, String.class);
            statement = nullable(statement, "startsAt", null, OffsetDateTime.class);
            statement = statement.bind("occurrences", new OffsetDateTime[0])
                    .bind("title", "").bind("summary", "").bind("body", "").bind("url", "")
                    .bind("titleFold", "").bind("a", "").bind("b", "").bind("c", "").bind("d", "");
        } else {
            statement = nullable(statement, "topic", document.topic(), String.class);
            statement = nullable(statement, "category", document.category(), String.class);
            statement = nullable(statement, "status", document.status(), String.class);
            statement = nullable(statement, "startsAt", document.startsAt(), OffsetDateTime.class);
            statement = statement.bind("occurrences", document.occurrences().toArray(OffsetDateTime[]::new))
                    .bind("title", document.title())
                    .bind("summary", document.summary())
                    .bind("body", document.body())
                    .bind("url", document.url())
                    .bind("titleFold", GermanFolding.key(document.title()))
                    .bind("a", GermanFolding.fold(document.weightA()))
                    .bind("b", GermanFolding.fold(document.weightB()))
                    .bind("c", GermanFolding.fold(document.weightC()))
                    .bind("d", GermanFolding.fold(document.weightD()));
        }
        return statement.map(row -> row.get("applied", Long.class)).one().map(applied -> applied > 0);
    }

    /**
     * Applies many changes to {@code generation} ({@link #LIVE} for all live ones) in one statement;
     * of several changes to one document only the newest is written. Answers the changes that were
     * newer than what the index held.
     */
    public Mono<List<IndexChange>> applyAll(List<IndexChange> changes, long generation) {
        Map<String, IndexChange> newest = new LinkedHashMap<>();
        for (IndexChange change : changes) {
            newest.merge(key(change.type().wire(), change.id()), change,
                    (held, next) -> next.version() > held.version() ? next : held);
        }
        Columns columns = new Columns(newest.size());
        newest.values().forEach(columns::add);
        return database.sql(APPLY_ALL)
                .bind("generation", generation)
                .bind("types", columns.types).bind("ids", columns.ids).bind("versions", columns.versions)
                .bind("removed", columns.removed).bind("cities", columns.cities).bind("topics", columns.topics)
                .bind("categories", columns.categories).bind("statuses", columns.statuses)
                .bind("startsAt", columns.startsAt).bind("occurrences", columns.occurrences)
                .bind("titles", columns.titles).bind("summaries", columns.summaries).bind("bodies", columns.bodies)
                .bind("urls", columns.urls).bind("titleFolds", columns.titleFolds)
                .bind("a", columns.a).bind("b", columns.b).bind("c", columns.c).bind("d", columns.d)
                .bind("wordOf", columns.wordOf.toArray(Long[]::new))
                .bind("words", columns.words.toArray(String[]::new))
                .bind("displays", columns.displays.toArray(String[]::new))
                .bind("bares", columns.bares.toArray(String[]::new))
                .map(row -> key(row.get("type", String.class), row.get("id", String.class)))
                .all()
                .collect(Collectors.toSet())
                .map(applied -> newest.entrySet().stream().filter(change -> applied.contains(change.getKey()))
                        .map(Map.Entry::getValue).toList());
    }

    private static String key(String type, String id) {
        return type + '/' + id;
    }

    /** The vocabulary of a document: folded word → displayed spelling, at most {@link #MOST_WORDS}. */
    private static Map<String, String> vocabulary(SearchDocument document) {
        Map<String, String> vocabulary = new TreeMap<>();
        if (document != null) {
            GermanFolding.vocabulary(document.allText()).entrySet().stream().limit(MOST_WORDS)
                    .forEach(word -> vocabulary.put(word.getKey(), word.getValue()));
        }
        return vocabulary;
    }

    /** The parallel arrays {@link #APPLY_ALL} reads, one element per document, and its words. */
    private static final class Columns {

        private final String[] types;
        private final String[] ids;
        private final Long[] versions;
        private final Boolean[] removed;
        private final String[] cities;
        private final String[] topics;
        private final String[] categories;
        private final String[] statuses;
        private final String[] startsAt;
        private final String[] occurrences;
        private final String[] titles;
        private final String[] summaries;
        private final String[] bodies;
        private final String[] urls;
        private final String[] titleFolds;
        private final String[] a;
        private final String[] b;
        private final String[] c;
        private final String[] d;
        private final List<Long> wordOf = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final List<String> displays = new ArrayList<>();
        private final List<String> bares = new ArrayList<>();
        private int size;

        Columns(int documents) {
            types = new String[documents];
            ids = new String[documents];
            versions = new Long[documents];
            removed = new Boolean[documents];
            cities = new String[documents];
            topics = new String[documents];
            categories = new String[documents];
            statuses = new String[documents];
            startsAt = new String[documents];
            occurrences = new String[documents];
            titles = new String[documents];
            summaries = new String[documents];
            bodies = new String[documents];
            urls = new String[documents];
            titleFolds = new String[documents];
            a = new String[documents];
            b = new String[documents];
            c = new String[documents];
            d = new String[documents];
        }

        void add(IndexChange change) {
            int i = size++;
            SearchDocument document = change instanceof IndexChange.Upsert upsert ? upsert.document() : null;
            types[i] = change.type().wire();
            ids[i] = change.id();
            versions[i] = change.version();
            removed[i] = document == null;
            cities[i] = change.city();
            if (document == null) {
                occurrences[i] = "{}";
                titles[i] = summaries[i] = bodies[i] = urls[i] = titleFolds[i] = "";
                a[i] = b[i] = c[i] = d[i] = "";
                return;
            }
            topics[i] = document.topic();
            categories[i] = document.category();
            statuses[i] = document.status();
            startsAt[i] = document.startsAt() == null ? null : document.startsAt().toString();
            occurrences[i] = document.occurrences().stream().map(start -> '"' + start.toString() + '"')
                    .collect(Collectors.joining(",", "{", "}"));
            titles[i] = document.title();
            summaries[i] = document.summary();
            bodies[i] = document.body();
            urls[i] = document.url();
            titleFolds[i] = GermanFolding.key(document.title());
            a[i] = GermanFolding.fold(document.weightA());
            b[i] = GermanFolding.fold(document.weightB());
            c[i] = GermanFolding.fold(document.weightC());
            d[i] = GermanFolding.fold(document.weightD());
            Map<String, String> bare = GermanFolding.umlautless(document.allText());
            vocabulary(document).forEach((word, display) -> {
                wordOf.add((long) i + 1);
                words.add(word);
                displays.add(display);
                bares.add(bare.getOrDefault(word, ""));
            });
        }
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec statement,
            String name, T value, Class<T> type) {
        return value == null ? statement.bindNull(name, type) : statement.bind(name, value);
    }

    /** Live documents per type in the active generation, for the documents gauge. */
    public Mono<Map<String, Long>> countByType() {
        return database.sql(COUNT_BY_TYPE)
                .map(row -> Map.entry(row.get("type", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
