package de.stadtportal.bench.events;

import de.stadtportal.events.EventsServiceApplication;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.PostgresServer;
import de.stadtportal.testing.security.Tokens;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one page of {@code GET /api/events} costs with 100,000 events in the database, 10 % of them
 * series without an end. Not a test: run it with
 * {@code ./mvnw -q -pl events-service -Pbench test-compile exec:java} (see docs/benchmarks.md, "Event pages").
 * <p>
 * In one JVM: the embedded PostgreSQL and in-process Kafka of the testing module, a fresh database
 * migrated up to V2 (the schema every version of the service can start from), the events loaded
 * straight into it with JDBC, then the real service started on it with Spring Boot, so it migrates
 * the rest itself and serves HTTP on a random port. If its schema keeps a listing of upcoming
 * starts ({@code event.listed_until}), the benchmark waits until the service has filled it.
 * <p>
 * Then a fixed mix of 20-item pages (no filter, a city, a city and category, a radius, free,
 * accessible, a later window, a second page by cursor) is asked one request at a time: p50/p95/p99
 * of the answers as the client sees them. The service's heap: used after a full GC before the pages,
 * the highest used seen while they ran (sampled every 2 ms), and the bytes allocated per page by all
 * threads of the JVM (the service is the only thing working in it; PostgreSQL is its own process).
 * <p>
 * Events: 90 % one-off (start spread over the past month and the next year, half with an end, some
 * all day), 10 % series without end (70 % weekly, 20 % monthly, 10 % daily, first start in the last
 * half year or the next two months), over ten cities, 200 venues and eight categories.
 * System properties: {@code events} (100000), {@code seriesShare} (0.10), {@code warmup} (40),
 * {@code rounds} (200), {@code seed} (12).
 */
public final class EventPagesBenchmark {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String[] CITIES = {"bochum", "dortmund", "essen", "duisburg", "gelsenkirchen", "herne",
        "hagen", "witten", "bottrop", "oberhausen"};
    private static final String[] CATEGORIES = {"konzert", "theater", "ausstellung", "lesung", "festival", "fuehrung",
        "markt", "sport"};
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

    private final int events = Integer.getInteger("events", 100_000);
    private final double seriesShare = Double.parseDouble(System.getProperty("seriesShare", "0.10"));
    private final int warmup = Integer.getInteger("warmup", 40);
    private final int rounds = Integer.getInteger("rounds", 200);
    private final Random random = new Random(Long.getLong("seed", 12));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new EventPagesBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Infrastructure infrastructure = Infrastructure.get();
        PostgresServer postgres = infrastructure.postgres();
        String database = "events_bench_" + ProcessHandle.current().pid();
        postgres.createDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/migration").target("2").load().migrate();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        List<Venue> venues;
        try (Connection jdbc = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password())) {
            venues = loadVenues(jdbc, now);
            loadEvents(jdbc, venues, now);
            jdbc.createStatement().execute("VACUUM ANALYZE");
        }
        System.out.printf(Locale.ROOT, "Loaded %,d events (%.0f %% open-ended series) in %.1f s%n", events,
                seriesShare * 100, (System.nanoTime() - started) / 1e9);

        Map<String, Object> properties = infrastructure.serviceProperties(database);
        properties.putAll(Tokens.trustProperties());
        properties.put("server.port", "0");
        properties.put("management.server.port", "-1");
        properties.put("logging.level.root", "WARN");
        started = System.nanoTime();
        // as command-line arguments, so they win over application.yml like the environment does in production
        ConfigurableApplicationContext service = new SpringApplicationBuilder(EventsServiceApplication.class)
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
        String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        waitForListing(postgres, database);
        System.out.printf(Locale.ROOT, "Service up (and its listing filled, if it keeps one) in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        List<String> mix = mix(base, venues, now);
        for (int i = 0; i < warmup; i++) {
            get(mix.get(i % mix.size()));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapAtRest = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapAtRest);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        long allocatedBefore = allocatedByAllThreads();
        sampler.start();
        double[] millis = new double[rounds];
        int items = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            String body = get(mix.get(i % mix.size()));
            millis[i] = (System.nanoTime() - t0) / 1e6;
            items += count(body);
        }
        sampling.set(false);
        sampler.join();
        long allocated = allocatedByAllThreads() - allocatedBefore;
        Arrays.sort(millis);

        System.out.println();
        System.out.printf(Locale.ROOT, "%,d events, %d pages of up to 20 (%.1f items on average), one at a time%n",
                events, rounds, items / (double) rounds);
        System.out.printf(Locale.ROOT, "page latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]);
        System.out.printf(Locale.ROOT, "heap MiB: used at rest %.0f, peak while paging %.0f; allocated per page %.2f MiB%n",
                heapAtRest / 1048576.0, peak.get() / 1048576.0, allocated / (double) rounds / 1048576.0);
        service.close();
    }

    private record Venue(UUID id, String city, double lat, double lon) {
    }

    private List<Venue> loadVenues(Connection jdbc, OffsetDateTime now) throws Exception {
        List<Venue> venues = new ArrayList<>();
        try (PreparedStatement insert = jdbc.prepareStatement("""
                INSERT INTO venue (id, city, name, street, postal_code, locality, lat, lon, accessibility, url,
                    version, created_at, updated_at)
                VALUES (?, ?, ?, 'Marienplatz 1', '44787', ?, ?, ?, ?, NULL, 1, ?, ?)
                """)) {
            for (int i = 0; i < 200; i++) {
                String city = CITIES[i % CITIES.length];
                Venue venue = new Venue(UUID.randomUUID(), city, 51.40 + random.nextDouble() * 0.2,
                        7.00 + random.nextDouble() * 0.5);
                insert.setObject(1, venue.id());
                insert.setString(2, city);
                insert.setString(3, "Spielstätte " + i);
                insert.setString(4, city);
                insert.setDouble(5, venue.lat());
                insert.setDouble(6, venue.lon());
                insert.setArray(7, jdbc.createArrayOf("text", i % 3 == 0 ? new String[0] : new String[] {"wheelchair"}));
                insert.setObject(8, now);
                insert.setObject(9, now);
                insert.addBatch();
                venues.add(venue);
            }
            insert.executeBatch();
        }
        return venues;
    }

    private void loadEvents(Connection jdbc, List<Venue> venues, OffsetDateTime now) throws Exception {
        jdbc.setAutoCommit(false);
        try (PreparedStatement insert = jdbc.prepareStatement("""
                INSERT INTO event (id, city, venue_id, title, description, category, start_at, end_at, all_day,
                    rrule, exdates, series_end, price_free, price_min, price_max, currency, ticket_url, language,
                    accessibility, tags, image_url, image_alt, status, previous_start, version, created_at,
                    updated_at, announce_again_at)
                VALUES (?, ?, ?, ?, 'Ein Abend mit Musik aus drei Jahrhunderten.', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?,
                    'EUR', NULL, 'de', ?, '{klassik}', NULL, NULL, 'scheduled', NULL, 1, ?, ?, NULL)
                """)) {
            String[] noFeatures = new String[0];
            String[] wheelchair = {"wheelchair"};
            for (int i = 0; i < events; i++) {
                Venue venue = venues.get(random.nextInt(venues.size()));
                boolean series = random.nextDouble() < seriesShare;
                OffsetDateTime start;
                String rrule = null;
                if (series) {
                    double kind = random.nextDouble();
                    rrule = kind < 0.7 ? "FREQ=WEEKLY" : kind < 0.9 ? "FREQ=MONTHLY" : "FREQ=DAILY";
                    start = evening(now.plusDays(random.nextInt(240) - 180));
                } else {
                    start = evening(now.plusDays(random.nextInt(395) - 30));
                }
                boolean allDay = !series && random.nextDouble() < 0.1;
                if (allDay) {
                    start = start.toLocalDate().atStartOfDay(BERLIN).toOffsetDateTime();
                }
                OffsetDateTime end = allDay ? null : random.nextBoolean() ? start.plusHours(2) : null;
                OffsetDateTime seriesEnd = series ? null
                        : end != null ? end : allDay ? start.plusDays(1) : start;
                boolean free = random.nextDouble() < 0.2;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, venue.city());
                insert.setObject(3, venue.id());
                insert.setString(4, (series ? "Reihe " : "Abend ") + i);
                insert.setString(5, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                insert.setObject(6, start);
                insert.setObject(7, end, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setBoolean(8, allDay);
                insert.setString(9, rrule);
                insert.setObject(10, seriesEnd, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setBoolean(11, free);
                insert.setObject(12, free ? null : 12.0, Types.NUMERIC);
                insert.setObject(13, free ? null : 39.0, Types.NUMERIC);
                insert.setArray(14, jdbc.createArrayOf("text", random.nextBoolean() ? wheelchair : noFeatures));
                insert.setObject(15, now);
                insert.setObject(16, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    jdbc.commit();
                }
            }
            insert.executeBatch();
            jdbc.commit();
        }
        jdbc.setAutoCommit(true);
    }

    private OffsetDateTime evening(OffsetDateTime day) {
        LocalDate date = day.atZoneSameInstant(BERLIN).toLocalDate();
        return date.atTime(17 + random.nextInt(5), random.nextBoolean() ? 0 : 30).atZone(BERLIN).toOffsetDateTime();
    }

    /** Waits until a service that lists upcoming starts in its own table has listed every event. */
    private static void waitForListing(PostgresServer postgres, String database) throws Exception {
        try (Connection jdbc = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password())) {
            ResultSet column = jdbc.createStatement().executeQuery("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_name = 'event' AND column_name = 'listed_until'
                    """);
            column.next();
            if (column.getLong(1) == 0) {
                return;
            }
            long waiting;
            do {
                Thread.sleep(500);
                ResultSet rest = jdbc.createStatement().executeQuery(
                        "SELECT count(*) FROM event WHERE listed_until = '-infinity'");
                rest.next();
                waiting = rest.getLong(1);
            } while (waiting > 0);
            jdbc.createStatement().execute("VACUUM ANALYZE");
        }
    }

    private List<String> mix(String base, List<Venue> venues, OffsetDateTime now) throws Exception {
        Venue venue = venues.get(0);
        LocalDate later = now.atZoneSameInstant(BERLIN).toLocalDate().plusDays(60);
        List<String> mix = new ArrayList<>(List.of(
                base + "/api/events?limit=20",
                base + "/api/events?city=bochum&limit=20",
                base + "/api/events?city=dortmund&category=konzert&limit=20",
                base + "/api/events?near=" + venue.lat() + "," + venue.lon() + "&radiusKm=5&limit=20",
                base + "/api/events?free=true&limit=20",
                base + "/api/events?city=essen&accessible=true&limit=20",
                base + "/api/events?from=" + later + "&to=" + later.plusDays(30) + "&limit=20",
                base + "/api/events?venue=" + venue.id() + "&limit=20"));
        Matcher next = NEXT.matcher(get(mix.get(0)));
        if (next.find()) {
            mix.add(mix.get(0) + "&cursor=" + next.group(1));
        }
        return mix;
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int count(String body) {
        int count = 0;
        for (int at = body.indexOf("\"eventId\""); at >= 0; at = body.indexOf("\"eventId\"", at + 1)) {
            count++;
        }
        return count;
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
