package de.stadtportal.bench.search;

import de.stadtportal.search.document.domain.DocumentType;
import de.stadtportal.search.document.domain.GermanFolding;
import de.stadtportal.search.query.domain.FoundPage;
import de.stadtportal.search.query.domain.SearchQuery;
import de.stadtportal.search.query.persistence.SearchLimits;
import de.stadtportal.search.query.persistence.SearchRepository;
import de.stadtportal.testing.infrastructure.EmbeddedPostgresServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency over 100,000 generated German documents, beside a naive {@code ILIKE '%word%'}
 * scan of the same rows, in one run on an embedded PostgreSQL. Not a test: run it with
 * {@code ./mvnw -q -pl search-service -Pbench test-compile exec:java} (see docs/benchmarks.md (Search)).
 * <p>
 * The corpus: 45 % articles, 40 % events, 13 % venues, 2 % city portraits over ten cities; titles and
 * texts mix German filler words with nouns drawn Zipf-like (rank r has weight 1/r) from 3,600
 * generated compounds ({@code Musik + forum}) with the named nouns of the query mix spread among
 * them, so some queries match a few documents and some tens of thousands.
 * <p>
 * Documents go straight into {@code search_document} through the service's own migrations and
 * folding (the same expressions as the consumer's upsert), skipping Kafka. The indexed search runs
 * through the service's {@link SearchRepository}: matches, ranking, facets and the page, then the
 * snippet marking for the page, exactly as {@code GET /api/search} does. The naive scan answers the
 * same questions (total, type facet, a page of 20) with {@code ILIKE} on title, summary and body.
 * <p>
 * System properties: {@code documents} (100000), {@code warmup} (200), {@code rounds} (1000 queries
 * per engine), {@code naiveRounds} (200), {@code explain} (false: true prints
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the slowest queries of the mix before timing), {@code keep}
 * (unset: a directory keeps the server's data, so the next run with the same {@code documents} skips
 * loading them; loading 1,000,000 takes minutes).
 */
public final class SearchBenchmark {

    private static final String DATABASE = "search_bench";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final String[] CITIES = {"bochum", "dortmund", "essen", "duisburg", "gelsenkirchen", "herne",
        "hagen", "witten", "bottrop", "oberhausen"};
    private static final String[] TOPICS = {"arbeiten", "business", "leben", "kultur", "freizeit"};
    private static final String[] CATEGORIES = {"konzert", "theater", "ausstellung", "lesung", "festival", "fuehrung",
        "markt", "sport"};
    private static final String[] NOUNS = {"Konzert", "Musikforum", "Hochschule", "Zeche", "Bibliothek", "Theater",
        "Museum", "Stadtpark", "Bergbau", "Kunsthalle", "Straßenfest", "Wochenmarkt", "Jazzclub", "Planetarium",
        "Schauspielhaus", "Gründerzentrum", "Technologiequartier", "Innenstadt", "Hafen", "Kanal", "Förderturm",
        "Sternwarte", "Kinderchor", "Orgel", "Sinfonie", "Lesung", "Ausstellung", "Fahrradtour", "Flohmarkt",
        "Weihnachtsmarkt", "Campus", "Labor", "Werkstatt", "Bühne", "Galerie", "Brauerei", "Bäckerei", "Zoo",
        "Freibad", "Stadion", "Kirche", "Rathaus", "Stadtteil", "Siedlung", "Halde", "Schacht", "Kohle", "Stahl"};
    private static final String[] ADJECTIVES = {"neue", "alte", "große", "kleine", "grüne", "laute", "stille",
        "historische", "moderne", "offene", "junge", "bunte", "nächtliche", "sommerliche", "winterliche"};
    private static final String[] VERBS = {"erleben", "entdecken", "besuchen", "feiern", "gestalten", "erforschen",
        "genießen", "verbinden", "zeigen", "öffnen"};
    private static final String[] FILLER = {"und", "mit", "für", "die", "der", "das", "im", "am", "zwischen",
        "über", "nach", "vom", "zum", "in", "auf", "Menschen", "Familien", "Studierende", "Nachbarschaft", "Abend",
        "Wochenende", "Sommer", "Geschichte", "Zukunft", "Wandel", "Region", "Revier", "Ruhrgebiet", "Kultur", "Wissen", "Arbeit", "Eintritt", "frei", "Führung", "Programm", "Gäste"};
    private static final String[] PREFIXES = {"Stadt", "Musik", "Kunst", "Berg", "Wald", "Fluss", "Kinder",
        "Sommer", "Winter", "Licht", "Stahl", "Kohle", "Garten", "Markt", "Wasser", "Bahn", "Rad", "Volks", "Jugend",
        "Bürger", "Hafen", "Wissen", "Sport", "Tanz", "Film", "Foto", "Buch", "Lese", "Natur", "Klima", "Heimat",
        "Zukunft", "Industrie", "Kultur", "Familien", "Senioren", "Nacht", "Morgen", "Ruhr", "Emscher", "Zechen",
        "Halden", "Brücken", "Turm", "Hütten", "Dorf", "Feld", "Wiesen", "Schloss", "Kirchen", "Tier", "Stern",
        "Welt", "Glück", "Spiel", "Werk", "Handwerk", "Design", "Medien", "Energie"};
    private static final String[] SUFFIXES = {"forum", "garten", "halle", "haus", "platz", "fest", "markt", "museum",
        "bühne", "werkstatt", "zentrum", "park", "weg", "schule", "labor", "club", "chor", "orchester", "kino",
        "galerie", "verein", "treff", "bad", "turm", "brücke", "tour", "nacht", "woche", "sommer", "preis",
        "projekt", "viertel", "straße", "bahn", "hof", "wiese", "insel", "quartier", "kolleg", "akademie",
        "konzert", "theater", "lesung", "führung", "ausstellung", "messe", "börse", "café", "küche", "salon",
        "studio", "archiv", "bibliothek", "stiftung", "netzwerk", "initiative", "programm", "festival", "runde",
        "reise"};
    private static final String[] STREETS = {"Kortumstraße", "Bongardstraße", "Marienplatz", "Hattinger Straße",
        "Universitätsstraße", "Müllerstraße", "Alleestraße", "Herner Straße", "Castroper Straße"};

    /** A fixed mix of one to three words: plain, inflected, folded, typo, prefix, compound part. */
    private static final List<Query> MIX = List.of(
            new Query("Konzert", null, null), new Query("Musikforum", "bochum", null),
            new Query("Hochschulen", null, null), new Query("Zeche Kultur", null, null),
            new Query("Konzert Orgel", null, "event"), new Query("Strassenfest", null, null),
            new Query("Mueller", null, null), new Query("Konzrt", null, null), new Query("Musikf", null, null),
            new Query("forum", null, null), new Query("Jazzclub Hafen Abend", "dortmund", null),
            new Query("Theater im Stadtpark", null, null), new Query("Bibliothek", "essen", "article"),
            new Query("grüne Halde", null, null), new Query("Sinfonie Sommer", null, "event"),
            new Query("Gründerzentrum Campus", null, null), new Query("Förderturm", null, null),
            new Query("Weihnachtsmarkt Innenstadt", "bochum", null), new Query("Planetarium Sternwarte", null, null),
            new Query("Bergbau Museum Geschichte", null, null));

    /** What people type into the search box before they finish a word: the suggestions asked for. */
    private static final List<String> SUGGESTED = List.of("ko", "Musikf", "Stadtp", "Berg", "kun", "wei", "gr",
            "Hoch", "Zech", "fest", "Theater im St", "s", "Gründ", "Ha", "Wochenm", "bü");

    /** The slowest of the mix, planned with {@code -Dexplain=true}. */
    private static final List<Query> EXPLAINED = List.of(MIX.get(0), MIX.get(9), MIX.get(13), MIX.get(3),
            MIX.get(12));

    private record Query(String text, String city, String type) {
    }

    private final int documents = Integer.getInteger("documents", 100_000);
    /** Nouns by rank: the named ones spread among generated compounds, drawn Zipf-like (rank r ~ 1/r). */
    private final List<String> nouns = vocabulary();
    private final double[] cumulative = cumulative(nouns.size());
    private final int warmup = Integer.getInteger("warmup", 200);
    private final int rounds = Integer.getInteger("rounds", 1_000);
    private final int naiveRounds = Integer.getInteger("naiveRounds", 200);
    private final boolean explain = Boolean.getBoolean("explain");
    private final String keep = System.getProperty("keep", "");

    public static void main(String[] args) throws Exception {
        new SearchBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (EmbeddedPostgresServer postgres = keep.isBlank() ? EmbeddedPostgresServer.launch()
                : EmbeddedPostgresServer.launch(Path.of(keep).toAbsolutePath(), 0)) {
            postgres.createDatabase(DATABASE);
            Flyway.configure().dataSource(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").load().migrate();
            long kept = loaded(postgres);
            if (kept == documents) {
                System.out.printf(Locale.ROOT, "Kept %,d documents from %s%n", kept, keep);
            } else if (kept > 0) {
                throw new IllegalStateException(keep + " holds " + kept + " documents, not " + documents
                        + ": give another directory or delete it");
            } else {
                long loadStarted = System.nanoTime();
                load(postgres);
                System.out.printf(Locale.ROOT, "Loaded %,d documents in %.1f s%n", documents,
                        (System.nanoTime() - loadStarted) / 1e9);
            }

            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                    PostgresqlConnectionConfiguration.builder().host(postgres.host()).port(postgres.port())
                            .database(DATABASE).username(postgres.username()).password(postgres.password()).build()))
                    .initialSize(2).maxSize(4).build());
            DatabaseClient database = DatabaseClient.create(pool);
            SearchRepository queries = new SearchRepository(database, JsonMapper.builder().build(), new SearchLimits(Long.getLong("countedExactly", SearchLimits.defaults().countedExactly()),
                    Long.getLong("commonWord", SearchLimits.defaults().commonWord())));

            if (explain) {
                for (Query query : EXPLAINED) {
                    System.out.printf(Locale.ROOT, "%nEXPLAIN %s%n%s%n", query,
                            queries.explain(search(query), 21).block());
                }
            }
            if (explain) {
                for (String typed : List.of("s", "Ha", "Theater im St")) {
                    List<String> words = GermanFolding.words(typed);
                    System.out.printf(Locale.ROOT, "%nEXPLAIN suggest %s%n%s%n", typed, queries.explainSuggest(
                            String.join(" ", words), words.get(words.size() - 1), List.of(), 8).block());
                }
            }
            for (Query query : MIX) {
                FoundPage found = indexed(queries, query).block();
                System.out.printf(Locale.ROOT, "  %-32s %-9s %-8s → %,6d hits, type facet %s%n", query.text(),
                        query.city() == null ? "" : query.city(), query.type() == null ? "" : query.type(),
                        found.total(), found.facets().type());
            }
            List<Result> results = new ArrayList<>();
            results.add(measure("indexed (tsvector + facets + snippets)", rounds,
                    i -> indexed(queries, MIX.get(i % MIX.size())).then()));
            results.add(measure("naive ILIKE '%word%' scan", naiveRounds,
                    i -> naive(database, MIX.get(i % MIX.size()))));
            results.add(measure("suggest (titles + checked words)", rounds, i -> {
                String typed = SUGGESTED.get(i % SUGGESTED.size());
                List<String> words = GermanFolding.words(typed);
                return queries.suggest(String.join(" ", words), words.get(words.size() - 1),
                        i % 2 == 0 ? List.of() : List.of(CITIES[i % CITIES.length]), 8).then();
            }));
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-40s | %7s | %8s | %8s | %8s |%n", "engine (" + documents + " documents)",
                    "queries", "p50 ms", "p95 ms", "p99 ms");
            System.out.println("|------------------------------------------|---------|----------|----------|----------|");
            for (Result result : results) {
                System.out.printf(Locale.ROOT, "| %-40s | %7d | %8.2f | %8.2f | %8.2f |%n", result.name(),
                        result.samples().length, result.percentile(50), result.percentile(95),
                        result.percentile(99));
            }
            byQuery("indexed", results.get(0), MIX.stream().map(query -> String.format(Locale.ROOT, "%-32s %-9s %-8s",
                    query.text(), query.city() == null ? "" : query.city(), query.type() == null ? "" : query.type()))
                    .toList());
            byQuery("suggest", results.get(2), SUGGESTED);
            pool.dispose();
        }
    }

    /** The median and slowest time of each query of a cycled mix. */
    private static void byQuery(String engine, Result result, List<String> labels) {
        System.out.printf(Locale.ROOT, "%n%s, by query of the mix (p50 / max ms):%n", engine);
        for (int q = 0; q < labels.size(); q++) {
            Result one = result.of(q, labels.size());
            System.out.printf(Locale.ROOT, "  %-52s %8.2f / %8.2f%n", labels.get(q), one.percentile(50),
                    one.percentile(100));
        }
    }

    private static SearchQuery search(Query query) {
        return SearchQuery.of(query.text(), query.type() == null ? List.of() : List.of(query.type()),
                query.city() == null ? List.of() : List.of(query.city()), List.of(), List.of(), null, null, 20, null);
    }

    private Mono<FoundPage> indexed(SearchRepository queries, Query query) {
        return queries.search(search(query), 21).flatMap(found -> {
            Set<String> words = new LinkedHashSet<>();
            found.documents().forEach(document -> {
                words.addAll(GermanFolding.vocabulary(document.summary()).keySet());
                words.addAll(GermanFolding.vocabulary(document.body()).keySet());
            });
            return queries.marked(words, found.tsquery()).thenReturn(found);
        });
    }

    /** Every word must occur somewhere in title, summary or body; total, type facet and a page of 20. */
    private static Mono<Void> naive(DatabaseClient database, Query query) {
        List<String> words = Arrays.stream(query.text().split("\\s+")).toList();
        StringBuilder where = new StringBuilder("generation = 1 AND NOT removed");
        for (int i = 0; i < words.size(); i++) {
            where.append(" AND (title ILIKE :w").append(i).append(" OR summary ILIKE :w").append(i)
                    .append(" OR body ILIKE :w").append(i).append(")");
        }
        if (query.city() != null) {
            where.append(" AND city = :city");
        }
        String sql = "WITH matched AS MATERIALIZED (SELECT type, id, title FROM search_document WHERE " + where + ")"
                + " SELECT 'total' AS k, count(*) AS n, NULL AS title FROM matched"
                + " UNION ALL SELECT type, count(*), NULL FROM matched GROUP BY type"
                + " UNION ALL (SELECT 'hit', 0, title FROM matched"
                + (query.type() == null ? "" : " WHERE type = :type") + " ORDER BY title LIMIT 20)";
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql);
        for (int i = 0; i < words.size(); i++) {
            statement = statement.bind("w" + i, "%" + words.get(i) + "%");
        }
        if (query.city() != null) {
            statement = statement.bind("city", query.city());
        }
        if (query.type() != null) {
            statement = statement.bind("type", query.type());
        }
        return statement.fetch().all().then();
    }

    private Result measure(String name, int count, java.util.function.IntFunction<Mono<Void>> query) {
        for (int i = 0; i < Math.min(warmup, count); i++) {
            query.apply(i).block();
        }
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            query.apply(i).block();
            samples[i] = System.nanoTime() - started;
        }
        return new Result(name, samples);
    }

    /** The times of one engine, in the order the queries ran. */
    private record Result(String name, long[] inOrder, long[] samples) {

        Result(String name, long[] inOrder) {
            this(name, inOrder, Arrays.stream(inOrder).sorted().toArray());
        }

        /** The times of every {@code every}-th query from the {@code first}: one query of a cycled mix. */
        Result of(int first, int every) {
            long[] picked = new long[(inOrder.length - first + every - 1) / every];
            for (int i = 0; i < picked.length; i++) {
                picked[i] = inOrder[first + i * every];
            }
            return new Result(name, picked);
        }

        double percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * samples.length) - 1;
            return samples[Math.max(0, Math.min(samples.length - 1, index))] / 1e6;
        }
    }

    private static long loaded(EmbeddedPostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM search_document")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void load(EmbeddedPostgresServer postgres) throws Exception {
        Random random = new Random(42);
        Map<String, String> vocabulary = new HashMap<>();
        Map<String, Long> frequency = new HashMap<>();
        Map<String, String> bare = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO search_document (generation, type, id, version, city, topic, category, status,
                                                 starts_at, occurrences, title, summary, body, url, title_fold, tsv)
                    VALUES (1, ?, ?, 1, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]), ?, ?, ?, ?, ?,
                            setweight(to_tsvector('de_unaccent', ?), 'A') || setweight(to_tsvector('de_unaccent', ?), 'B')
                            || setweight(to_tsvector('de_unaccent', ?), 'C') || setweight(to_tsvector('de_unaccent', ?), 'D'))
                    """)) {
                for (int n = 0; n < documents; n++) {
                    DocumentType type = pickType(random);
                    String city = CITIES[random.nextInt(CITIES.length)];
                    String title = title(random, type);
                    String summary = sentence(random, 10 + random.nextInt(12));
                    String body = type == DocumentType.VENUE ? "" : paragraph(random, 40 + random.nextInt(80));
                    String topic = type == DocumentType.ARTICLE ? TOPICS[random.nextInt(TOPICS.length)] : null;
                    String category = type == DocumentType.EVENT ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null;
                    OffsetDateTime start = type == DocumentType.EVENT
                            ? OffsetDateTime.now(BERLIN).plusDays(random.nextInt(240) - 60).withHour(19) : null;
                    if (type == DocumentType.VENUE) {
                        summary = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(200)) + ", "
                                + (44_700 + random.nextInt(100)) + " " + city;
                    }
                    insert.setString(1, type.wire());
                    insert.setString(2, type.wire() + "-" + n);
                    insert.setString(3, city);
                    insert.setString(4, topic);
                    insert.setString(5, category);
                    insert.setString(6, type == DocumentType.EVENT ? (random.nextInt(20) == 0 ? "cancelled" : "scheduled")
                            : null);
                    insert.setTimestamp(7, start == null ? null : Timestamp.from(start.toInstant()));
                    insert.setString(8, start == null ? "{}" : "{\"" + start + "\"}");
                    insert.setString(9, title);
                    insert.setString(10, summary);
                    insert.setString(11, body);
                    insert.setString(12, "/api/" + type.wire() + "s/" + n);
                    insert.setString(13, GermanFolding.key(title));
                    insert.setString(14, GermanFolding.fold(title));
                    insert.setString(15, GermanFolding.fold(summary + (category == null ? "" : " " + category)));
                    insert.setString(16, GermanFolding.fold(body));
                    insert.setString(17, GermanFolding.fold(city + (topic == null ? "" : " " + topic)));
                    insert.addBatch();
                    GermanFolding.vocabulary(String.join(" ", title, summary, body)).forEach((word, display) -> {
                        vocabulary.putIfAbsent(word, display);
                        frequency.merge(word, 1L, Long::sum);
                    });
                    GermanFolding.umlautless(String.join(" ", title, summary, body)).forEach(bare::putIfAbsent);
                    if (n % 1_000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement words = connection.prepareStatement(
                    "INSERT INTO search_word (generation, word, display, documents, bare) VALUES (1, ?, ?, ?, ?)")) {
                for (Map.Entry<String, String> word : vocabulary.entrySet()) {
                    words.setString(1, word.getKey());
                    words.setString(2, word.getValue());
                    words.setLong(3, frequency.get(word.getKey()));
                    words.setString(4, bare.get(word.getKey()));
                    words.addBatch();
                }
                words.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("VACUUM ANALYZE search_document");
                analyze.execute("VACUUM ANALYZE search_word");
            }
        }
    }

    private static List<String> vocabulary() {
        List<String> compounds = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String suffix : SUFFIXES) {
                compounds.add(prefix + suffix);
            }
        }
        java.util.Collections.shuffle(compounds, new Random(7));
        List<String> ranked = new ArrayList<>();
        int named = 0;
        for (int rank = 0; ranked.size() < compounds.size() + NOUNS.length; rank++) {
            if (rank % 25 == 10 && named < NOUNS.length) {
                ranked.add(NOUNS[named++]);
            } else {
                ranked.add(compounds.remove(compounds.size() - 1));
            }
        }
        return ranked;
    }

    private static double[] cumulative(int size) {
        double[] sums = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            sums[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            sums[rank] /= sum;
        }
        return sums;
    }

    private String noun(Random random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return nouns.get(Math.min(nouns.size() - 1, index < 0 ? -index - 1 : index));
    }

    private static DocumentType pickType(Random random) {
        int roll = random.nextInt(100);
        return roll < 45 ? DocumentType.ARTICLE : roll < 85 ? DocumentType.EVENT : roll < 98 ? DocumentType.VENUE
                : DocumentType.CITY;
    }

    private String title(Random random, DocumentType type) {
        String noun = noun(random);
        String other = noun(random);
        return switch (type) {
            case EVENT -> noun + " " + (random.nextBoolean() ? "im " + other : "am " + FILLER[15 + random.nextInt(14)]);
            case VENUE -> capitalised(ADJECTIVES[random.nextInt(ADJECTIVES.length)]) + " " + noun;
            case CITY -> capitalised(ADJECTIVES[random.nextInt(ADJECTIVES.length)]) + " Stadt " + noun;
            case ARTICLE -> capitalised(ADJECTIVES[random.nextInt(ADJECTIVES.length)]) + " " + noun + " "
                    + VERBS[random.nextInt(VERBS.length)];
        };
    }

    private String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int roll = random.nextInt(10);
            String word = roll < 3 ? noun(random)
                    : roll < 5 ? ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                    : roll < 6 ? VERBS[random.nextInt(VERBS.length)] : FILLER[random.nextInt(FILLER.length)];
            text.append(i == 0 ? capitalised(word) : word).append(' ');
        }
        return text.toString().strip() + ".";
    }

    private String paragraph(Random random, int words) {
        StringBuilder text = new StringBuilder();
        while (words > 0) {
            int length = Math.min(words, 8 + random.nextInt(10));
            text.append(sentence(random, length)).append(' ');
            words -= length;
        }
        return text.toString().strip();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
