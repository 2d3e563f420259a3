package de.stadtportal.content.article.persistence;

import de.stadtportal.testing.infrastructure.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the article list statements before and after they became named statements with
 * null-tolerant predicates: the plan each gets (with the server's custom plans and with a forced
 * generic plan, the one a cached prepared statement may end up with) and the latency of each,
 * measured interleaved on one seeded embedded PostgreSQL. The "before" statements are assembled
 * here exactly as the old {@code ArticleStore.filters} did.
 * <p>
 * A tool, not a test: {@code ./mvnw -o -q test-compile -pl content-service} and then
 * {@code java -cp ... de.stadtportal.content.article.persistence.ArticleListPlans [articlesPerCity] [rounds]}
 * (see docs/content-service.md for the command and the figures).
 */
public final class ArticleListPlans {

    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-zA-Z]+)");
    private static final String OLD_PUBLISHED_HEAD = "SELECT a.id, a.city, a.slug, a.locale, a.topic, a.title, a.subtitle,"
            + " a.summary, a.body, a.tags, a.hero_url, a.hero_alt, a.status, a.publish_at, a.published_at, a.announced,"
            + " a.version, a.created_at, a.updated_at, ARRAY(SELECT t.locale FROM article t WHERE t.city = a.city"
            + " AND t.slug = a.slug AND t.id <> a.id AND t.status = 'published' ORDER BY t.locale) AS translations"
            + " FROM article a";

    private ArticleListPlans() {
    }

    record Case(String name, String oldSql, Map<String, Object> oldParams, String newSql, Map<String, Object> newParams) {
    }

    public static void main(String[] args) throws Exception {
        int perCity = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.launch()) {
            postgres.createDatabase("content_plans");
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("content_plans"), postgres.username(),
                    postgres.password())) {
                seed(db, perCity);
                List<Case> cases = cases(db);
                for (Case c : cases) {
                    System.out.println("\n=== " + c.name());
                    System.out.println("--- before, custom plan");
                    explain(db, c.oldSql(), c.oldParams(), false);
                    System.out.println("--- after, custom plan");
                    explain(db, c.newSql(), c.newParams(), false);
                    System.out.println("--- after, forced generic plan");
                    explain(db, c.newSql(), c.newParams(), true);
                }
                System.out.println("\n=== latency over " + rounds + " interleaved executions per statement"
                        + " (prepared, server-side after 5), milliseconds");
                System.out.printf("%-34s %10s %10s %10s %10s%n", "case", "before p50", "after p50", "before p95",
                        "after p95");
                for (Case c : cases) {
                    long[][] times = time(db, c, rounds);
                    System.out.printf("%-34s %10.3f %10.3f %10.3f %10.3f%n", c.name(), pct(times[0], 50),
                            pct(times[1], 50), pct(times[0], 95), pct(times[1], 95));
                }
            }
        }
    }

    private static void seed(Connection db, int perCity) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute(Files.readString(Path.of("src/main/resources/db/migration/V1__content.sql")));
            sql.execute("INSERT INTO city (slug, name, version) SELECT c, initcap(c), 1 FROM unnest("
                    + "ARRAY['bochum','dortmund','essen','gelsenkirchen','herne']) c");
            // per city: perCity German articles, a third of them also in English; 85 % published, spread over
            // three years; five topics; tags from fifty, two or three per article
            PreparedStatement german = db.prepareStatement("""
                    INSERT INTO article (id, city, slug, locale, topic, title, summary, body, tags, status,
                        publish_at, published_at, announced, version, created_at, updated_at)
                    SELECT gen_random_uuid(), c.slug, 'artikel-' || n, 'de',
                        (ARRAY['arbeiten','business','leben','kultur','wissen'])[1 + n % 5],
                        'Titel ' || n, 'Zusammenfassung ' || n, repeat('Text ', 40),
                        ARRAY['tag' || (n % 50), 'tag' || ((n * 7) % 50), 'tag' || ((n * 13) % 50)],
                        CASE WHEN n % 7 = 0 THEN 'draft' ELSE 'published' END,
                        CASE WHEN n % 21 = 0 THEN now() + interval '3 days' END,
                        CASE WHEN n % 7 = 0 THEN NULL ELSE now() - (n * interval '1 hour') END,
                        n % 7 <> 0, 2, now() - (n * interval '1 hour') - interval '1 day',
                        now() - (n * interval '1 hour') + random() * interval '10 minutes'
                    FROM city c, generate_series(1, ?) n
                    """);
            german.setInt(1, perCity);
            german.execute();
            sql.execute("""
                    INSERT INTO article (id, city, slug, locale, topic, title, summary, body, tags, status,
                        publish_at, published_at, announced, version, created_at, updated_at)
                    SELECT gen_random_uuid(), city, slug, 'en', topic, 'Title ' || slug, summary, body, tags, status,
                        publish_at, published_at + interval '5 minutes', announced, 2, created_at, updated_at
                    FROM article WHERE locale = 'de' AND abs(hashtext(slug)) % 3 = 0
                    """);
            sql.execute("VACUUM ANALYZE article");
            ResultSet count = sql.executeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'published') FROM article");
            count.next();
            System.out.println("seeded " + count.getLong(1) + " articles (" + count.getLong(2) + " published) in 5 cities");
        }
    }

    private static List<Case> cases(Connection db) throws Exception {
        Object[] deep = position(db, "published_at", "published", 5000);
        Object[] deepDraft = position(db, "updated_at", "draft", 1000);
        List<Case> cases = new ArrayList<>();
        Map<String, Object> base = Map.of("city", "bochum", "locale", "de", "fallback", "de", "limit", 21);
        cases.add(published("first page", base, null, null, null));
        cases.add(published("page after 5000 rows", base, null, null, deep));
        cases.add(published("topic=kultur", base, "kultur", null, null));
        cases.add(published("tag=tag7, deep cursor", base, null, "tag7", deep));
        cases.add(published("locale=en (fallback de)", with(base, "locale", "en"), null, null, null));
        cases.add(drafts("drafts, all locales", null, null, null));
        cases.add(drafts("drafts, de, after 1000 rows", "de", "leben", deepDraft));
        return cases;
    }

    private static Case published(String name, Map<String, Object> base, String topic, String tag, Object[] after) {
        String old = OLD_PUBLISHED_HEAD + " WHERE a.city = :city AND a.status = 'published'"
                + " AND (a.locale = :locale OR (a.locale = :fallback AND NOT EXISTS (SELECT 1 FROM article t"
                + " WHERE t.city = a.city AND t.slug = a.slug AND t.locale = :locale AND t.status = 'published')))"
                + oldFilters("a.published_at", topic, tag, after);
        return new Case(name, old, oldParams(base, topic, tag, after), ArticleRepository.PUBLISHED,
                newParams(base, topic, tag, after));
    }

    private static Case drafts(String name, String locale, String topic, Object[] after) {
        Map<String, Object> base = new LinkedHashMap<>(Map.of("city", "bochum", "limit", 21));
        String old = OLD_PUBLISHED_HEAD + " WHERE a.city = :city AND a.status = 'draft'"
                + (locale != null ? " AND a.locale = :locale" : "") + oldFilters("a.updated_at", topic, null, after);
        Map<String, Object> oldParams = oldParams(base, topic, null, after);
        if (locale != null) {
            oldParams.put("locale", locale);
        }
        Map<String, Object> newParams = newParams(base, topic, null, after);
        newParams.put("locale", locale);
        return new Case(name, old, oldParams, ArticleRepository.DRAFTS, newParams);
    }

    /** The old {@code ArticleStore.filters}, as it was. */
    private static String oldFilters(String sortedBy, String topic, String tag, Object[] after) {
        return (topic != null ? " AND a.topic = :topic" : "")
                + (tag != null ? " AND :tag = ANY(a.tags)" : "")
                + (after != null ? " AND (" + sortedBy + ", a.id) < (:afterAt, :afterId)" : "")
                + " ORDER BY " + sortedBy + " DESC, a.id DESC LIMIT :limit";
    }

    private static Map<String, Object> oldParams(Map<String, Object> base, String topic, String tag, Object[] after) {
        Map<String, Object> params = new LinkedHashMap<>(base);
        if (topic != null) {
            params.put("topic", topic);
        }
        if (tag != null) {
            params.put("tag", tag);
        }
        if (after != null) {
            params.put("afterAt", after[0]);
            params.put("afterId", after[1]);
        }
        return params;
    }

    private static Map<String, Object> newParams(Map<String, Object> base, String topic, String tag, Object[] after) {
        Map<String, Object> params = new LinkedHashMap<>(base);
        params.put("topic", topic);
        params.put("tag", tag);
        params.put("afterAt", after == null ? null : after[0]);
        params.put("afterId", after == null ? null : after[1]);
        return params;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Object[] position(Connection db, String column, String status, int offset) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("SELECT " + column + ", id FROM article"
                + " WHERE city = 'bochum' AND status = '" + status + "' ORDER BY " + column + " DESC, id DESC OFFSET "
                + offset + " LIMIT 1")) {
            row.next();
            return new Object[] {row.getTimestamp(1), row.getObject(2, UUID.class)};
        }
    }

    /** The statement with {@code $n} markers, as Spring's DatabaseClient sends it to PostgreSQL. */
    private static String positional(String sql, List<String> order) {
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!order.contains(m.group(1))) {
                order.add(m.group(1));
            }
            m.appendReplacement(out, "\\$" + (order.indexOf(m.group(1)) + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void explain(Connection db, String sql, Map<String, Object> params, boolean generic) throws Exception {
        List<String> order = new ArrayList<>();
        String statement = positional(sql, order);
        try (Statement s = db.createStatement()) {
            s.execute("DEALLOCATE ALL");
            s.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "auto"));
            s.execute("PREPARE q(" + String.join(", ", order.stream().map(ArticleListPlans::type).toList()) + ") AS "
                    + statement);
            String values = String.join(", ", order.stream().map(name -> literal(params.get(name), type(name))).toList());
            try (ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q(" + values + ")")) {
                while (plan.next()) {
                    String line = plan.getString(1);
                    if (!line.contains("SubPlan") && !line.contains("InitPlan")) {
                        System.out.println("  " + line);
                    }
                }
            }
            s.execute("SET plan_cache_mode = auto");
        }
    }

    private static long[][] time(Connection db, Case c, int rounds) throws Exception {
        long[][] times = new long[2][rounds];
        try (PreparedStatement before = prepare(db, c.oldSql(), c.oldParams());
                PreparedStatement after = prepare(db, c.newSql(), c.newParams())) {
            for (int i = 0; i < 10; i++) {
                run(before);
                run(after);
            }
            for (int i = 0; i < rounds; i++) {
                boolean afterFirst = i % 2 == 1;
                times[afterFirst ? 1 : 0][i] = run(afterFirst ? after : before);
                times[afterFirst ? 0 : 1][i] = run(afterFirst ? before : after);
            }
        }
        return times;
    }

    private static PreparedStatement prepare(Connection db, String sql, Map<String, Object> params) throws Exception {
        // JDBC numbers its markers by position, so a name used twice is bound twice
        PreparedStatement statement = db.prepareStatement(NAMED.matcher(sql).replaceAll("?"));
        List<String> occurrences = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            occurrences.add(m.group(1));
        }
        for (int i = 0; i < occurrences.size(); i++) {
            Object value = params.get(occurrences.get(i));
            String type = type(occurrences.get(i));
            switch (type) {
                case "int" -> statement.setInt(i + 1, (Integer) value);
                case "timestamptz" -> statement.setTimestamp(i + 1, (Timestamp) value);
                case "uuid" -> statement.setObject(i + 1, value, java.sql.Types.OTHER);
                default -> statement.setString(i + 1, (String) value);
            }
        }
        return statement;
    }

    private static long run(PreparedStatement statement) throws Exception {
        long start = System.nanoTime();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
        return System.nanoTime() - start;
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static String type(String name) {
        return switch (name) {
            case "limit" -> "int";
            case "afterAt" -> "timestamptz";
            case "afterId" -> "uuid";
            default -> "text";
        };
    }

    private static String literal(Object value, String type) {
        if (value == null) {
            return "NULL::" + type;
        }
        if (value instanceof Integer) {
            return value.toString();
        }
        return "'" + value + "'::" + type;
    }
}
