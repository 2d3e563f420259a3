package de.stadtportal.search.indexing.persistence;

import de.stadtportal.search.document.domain.GermanFolding;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.document.domain.SearchDocument;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes index changes into {@code search_document}, and the words of each applied document into
 * the generation's vocabulary, in one statement: either both happen or neither. A word written
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
        Map<String, String> vocabulary = new TreeMap<>();
        if (document != null) {
            GermanFolding.vocabulary(document.allText()).entrySet().stream().limit(MOST_WORDS)
                    .forEach(word -> vocabulary.put(word.getKey(), word.getValue()));
        }
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
