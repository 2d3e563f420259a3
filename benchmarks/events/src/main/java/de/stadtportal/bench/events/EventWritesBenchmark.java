package de.stadtportal.bench.events;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.events.EventsServiceApplication;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.PostgresServer;
import de.stadtportal.testing.security.Tokens;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Hooks;

/**
 * What a write of an event costs in CPU: the service's and PostgreSQL's, per {@code POST /api/events}
 * and per {@code PUT /api/events/{id}} with {@code If-Match}. Not a test: run it with
 * {@code ./mvnw -q -pl benchmarks/events -am compile exec:java -Dexec.mainClass=de.stadtportal.bench.events.EventWritesBenchmark}
 * (docs/benchmarks.md, "Event writes"); run it on two builds back to back and compare the ratios.
 * <p>
 * In one JVM: the embedded PostgreSQL and in-process Kafka of the testing module, a fresh database
 * with a known city and 20 venues, the real service started on it (relay off, so the broker stays
 * idle and the figures are the write path's alone). A few client threads send the writes, each
 * waiting for its answer. The service's CPU is this JVM's ({@code /proc/self/stat}) less the client's
 * threads (thread CPU time of the sender threads and the HTTP client's selector); PostgreSQL's is the
 * CPU of the backends serving this database ({@code /proc/<pid>/stat} of each {@code pg_stat_activity}
 * pid), so its shared background processes (WAL writer, checkpointer) are left out.
 * <p>
 * Also printed: what encoding one outbox event costs with its JSON Schema check, and the check alone,
 * against the CPU of a whole write. System properties: {@code writes} (3000 creates, as many edits),
 * {@code warmup} (1500 of each first), {@code clients} (4), {@code seriesShare} (0.1: weekly series
 * of a year, whose starts are listed with the row), {@code batch} (10: then as many creates again, that
 * many events per {@code POST /api/events/batch}, and as many again, that many VEVENTs of an iCalendar
 * file per {@code POST /api/events/import}), {@code compareContextPropagation} (instead of all that, creates
 * with Reactor's automatic context propagation on and off in alternating rounds).
 */
public final class EventWritesBenchmark {

    private static final String CITY = "bochum";
    private static final double TICKS_PER_MS = 100 / 1000.0; // USER_HZ, 100 on Linux

    private final int writes = Integer.getInteger("writes", 3000);
    private final int warmup = Integer.getInteger("warmup", 1500);
    private final int clients = Integer.getInteger("clients", 4);
    private final double seriesShare = Double.parseDouble(System.getProperty("seriesShare", "0.1"));
    private final int batch = Integer.getInteger("batch", 10);
    private final boolean propagation = Boolean.getBoolean("compareContextPropagation");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String token = Tokens.editor(CITY);
    private final List<UUID> venues = new ArrayList<>();

    private PostgresServer postgres;
    private String database;
    private String base;

    public static void main(String[] args) throws Exception {
        try {
            new EventWritesBenchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Infrastructure infrastructure = Infrastructure.get();
        postgres = infrastructure.postgres();
        database = "events_writes_" + ProcessHandle.current().pid();
        postgres.createDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection jdbc = jdbc()) {
            jdbc.createStatement().execute("INSERT INTO known_city (slug, name) VALUES ('" + CITY + "', 'Bochum')");
            try (PreparedStatement insert = jdbc.prepareStatement("""
                    INSERT INTO venue (id, city, name, street, postal_code, locality, lat, lon, accessibility, url,
                        version, created_at, updated_at)
                    VALUES (?, ?, ?, 'Marienplatz 1', '44787', 'Bochum', 51.48, 7.22, '{wheelchair}', NULL, 1, now(), now())
                    """)) {
                for (int i = 0; i < 20; i++) {
                    UUID venue = UUID.randomUUID();
                    insert.setObject(1, venue);
                    insert.setString(2, CITY);
                    insert.setString(3, "Spielstätte " + i);
                    insert.executeUpdate();
                    venues.add(venue);
                }
            }
        }

        Map<String, Object> properties = infrastructure.serviceProperties(database);
        properties.putAll(Tokens.trustProperties());
        properties.put("stadtportal.messaging.outbox.relay-enabled", "false");
        properties.put("server.port", "0");
        properties.put("management.server.port", "-1");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.de.stadtportal.messaging.outbox.Outbox", "WARN");
        ConfigurableApplicationContext service = new SpringApplicationBuilder(EventsServiceApplication.class)
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
        base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");

        ExecutorService senders = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        List<Written> warm = phase(senders, warmup, i -> create(i));
        phase(senders, warmup, i -> edit(warm.get(i)));
        if (propagation) {
            compareContextPropagation(senders);
            service.close();
            return;
        }

        Cpu before = cpu();
        List<Written> created = phase(senders, writes, i -> create(warmup + i));
        Cpu afterCreates = cpu();
        phase(senders, writes, i -> edit(created.get(i)));
        Cpu afterEdits = cpu();
        int requests = writes / batch;
        phase(senders, warmup / batch, i -> createBatch(2 * (warmup + writes) + i * batch));
        Cpu beforeBatches = cpu();
        phase(senders, requests, i -> createBatch(3 * (warmup + writes) + i * batch));
        Cpu afterBatches = cpu();
        phase(senders, warmup / batch, i -> importCalendar(4 * (warmup + writes) + i * batch));
        Cpu beforeImports = cpu();
        phase(senders, requests, i -> importCalendar(5 * (warmup + writes) + i * batch));
        Cpu afterImports = cpu();

        System.out.println();
        System.out.printf(Locale.ROOT, "%,d creates and %,d edits (%.0f %% weekly series), %d clients, after %,d of each%n",
                writes, writes, seriesShare * 100, clients, warmup);
        report("create", before, afterCreates);
        report("edit", afterCreates, afterEdits);
        report("create in batches of " + batch, beforeBatches, afterBatches, requests * batch);
        report("import of " + batch + " VEVENTs at one venue", beforeImports, afterImports, requests * batch);
        schemaCheck(service.getBean(EventCodec.class), afterCreates.serviceMs() - before.serviceMs());
        service.close();
    }

    /**
     * Creates with Reactor's automatic context propagation on and off ({@code Hooks}), in six rounds of
     * {@code writes / 6} each in the order on, off, off, on, on, off, so that both meet the same machine:
     * what restoring thread locals around every operator costs a write ({@code spring.reactor.context-propagation}
     * {@code auto} against {@code limited}).
     */
    private void compareContextPropagation(ExecutorService senders) throws Exception {
        boolean[] automatic = {true, false, false, true, true, false};
        int each = writes / automatic.length;
        Cpu[] spent = {new Cpu(0, 0, 0, 0, 0), new Cpu(0, 0, 0, 0, 0)};
        for (int round = 0; round < automatic.length; round++) {
            if (automatic[round]) {
                Hooks.enableAutomaticContextPropagation();
            } else {
                Hooks.disableAutomaticContextPropagation();
            }
            int first = warmup + round * each;
            Cpu from = cpu();
            phase(senders, each, i -> create(first + i));
            Cpu to = cpu();
            int mode = automatic[round] ? 0 : 1;
            spent[mode] = spent[mode].plus(from, to);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d creates in each mode, 3 rounds of %,d, %d clients, after %,d creates and edits%n",
                3 * each, each, clients, warmup);
        Cpu zero = new Cpu(0, 0, 0, 0, 0);
        report("create, context propagation auto", zero, spent[0], 3 * each);
        report("create, context propagation limited", zero, spent[1], 3 * each);
        System.out.printf(Locale.ROOT, "limited / auto, service CPU per create: %.3f%n",
                spent[1].serviceMs() / spent[0].serviceMs());
    }

    /** What encoding an outbox event costs with its schema check, and the check alone, per event. */
    private void schemaCheck(EventCodec codec, double serviceMsForCreates) throws Exception {
        byte[] payload;
        String type;
        try (Connection jdbc = jdbc(); ResultSet row = jdbc.createStatement()
                .executeQuery("SELECT ce_type, payload FROM outbox ORDER BY id DESC LIMIT 1")) {
            row.next();
            type = row.getString(1);
            payload = row.getBytes(2);
        }
        IntegrationEvent event = codec.decode(type, payload);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            codec.encode(event);
            codec.violations(type, payload);
        }
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            codec.encode(event);
        }
        long t1 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            codec.violations(type, payload);
        }
        long t2 = threads.getCurrentThreadCpuTime();
        double encodeMs = (t1 - t0) / 1e6 / n;
        double checkMs = (t2 - t1) / 1e6 / n;
        double perCreate = serviceMsForCreates / writes;
        System.out.printf(Locale.ROOT, "outbox event (%d bytes): encode with schema check %.3f ms, parse and check"
                + " alone %.3f ms = %.1f %% of the service's CPU per create%n", payload.length, encodeMs, checkMs,
                100 * checkMs / perCreate);
    }

    private void report(String what, Cpu from, Cpu to) {
        report(what, from, to, writes);
    }

    private void report(String what, Cpu from, Cpu to, int events) {
        System.out.printf(Locale.ROOT, "%-6s CPU ms per write: service %.3f  PostgreSQL %.3f  (JVM %.3f, client %.3f,"
                        + " JIT compilers %.3f)  wall %.2f ms per write%n", what,
                (to.serviceMs() - from.serviceMs()) / events, (to.postgresMs - from.postgresMs) / events,
                (to.jvmMs - from.jvmMs) / events, (to.clientMs - from.clientMs) / events, (to.jitMs - from.jitMs) / events,
                (to.wallNanos - from.wallNanos) / 1e6 / events);
    }

    private record Written(String id, String etag, Map<String, Object> body) {
    }

    private interface Write {
        Written send(int index) throws Exception;
    }

    private List<Written> phase(ExecutorService senders, int count, Write write) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Written[] all = new Written[count];
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    all[i] = write.send(i);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        return Arrays.asList(all);
    }

    private Written create(int index) throws Exception {
        Map<String, Object> body = body(index);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), 201);
        String id = answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        return new Written(id, answer.headers().firstValue("ETag").orElseThrow(), body);
    }

    /** {@code batch} new events in one {@code POST /api/events/batch}, the first numbered {@code first}. */
    private Written createBatch(int first) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            events.add(body(first + i));
        }
        send(HttpRequest.newBuilder(URI.create(base + "/api/events/batch"))
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("events", events)))), 201);
        return null;
    }

    /**
     * {@code batch} new events as one iCalendar file through {@code POST /api/events/import}, the same
     * events {@link #body} describes, all at one venue (an import names one), the first numbered {@code first}.
     */
    private Written importCalendar(int first) throws Exception {
        StringBuilder calendar = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//DE\r\n");
        for (int index = first; index < first + batch; index++) {
            String day = LocalDate.of(2027, 1, 1).plusDays(index % 365).toString().replace("-", "");
            calendar.append("BEGIN:VEVENT\r\nUID:bench-").append(index).append("@stadtportal.example\r\n")
                    .append("DTSTAMP:20270101T120000Z\r\nSUMMARY:Konzert ").append(index).append("\r\n")
                    .append("DESCRIPTION:Ein Abend mit Musik aus drei Jahrhunderten.\r\n")
                    .append("DTSTART;TZID=Europe/Berlin:").append(day).append("T193000\r\n")
                    .append("DTEND;TZID=Europe/Berlin:").append(day).append("T213000\r\n")
                    .append("CATEGORIES:konzert\r\n");
            if (index % 100 < seriesShare * 100) {
                calendar.append("RRULE:FREQ=WEEKLY;COUNT=52\r\n");
            }
            calendar.append("END:VEVENT\r\n");
        }
        calendar.append("END:VCALENDAR\r\n");
        UUID venue = venues.get(first / batch % venues.size());
        send(HttpRequest.newBuilder(URI.create(base + "/api/events/import?city=" + CITY + "&venueId=" + venue))
                .POST(HttpRequest.BodyPublishers.ofString(calendar.toString())), "text/calendar", 201);
        return null;
    }

    private Map<String, Object> body(int index) {
        Map<String, Object> body = new HashMap<>();
        body.put("city", CITY);
        body.put("venueId", venues.get(index % venues.size()).toString());
        body.put("title", "Konzert " + index);
        body.put("description", "Ein Abend mit Musik aus drei Jahrhunderten.");
        body.put("category", "konzert");
        LocalDate day = LocalDate.of(2027, 1, 1).plusDays(index % 365);
        body.put("start", day + "T19:30:00+01:00");
        body.put("end", day + "T21:30:00+01:00");
        body.put("allDay", false);
        body.put("price", Map.of("free", false, "min", 12.0, "max", 39.0, "currency", "EUR"));
        body.put("language", "de");
        body.put("accessibility", List.of("wheelchair"));
        body.put("tags", List.of("klassik"));
        if (index % 100 < seriesShare * 100) {
            body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=52", "exdates", List.of()));
        }
        return body;
    }

    private Written edit(Written event) throws Exception {
        Map<String, Object> body = new HashMap<>(event.body());
        body.put("title", body.get("title") + " (geändert)");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/events/" + event.id()))
                .header("If-Match", event.etag())
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), 200);
        return new Written(event.id(), answer.headers().firstValue("ETag").orElseThrow(), body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        return send(request, "application/json", expected);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String type, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", type).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("Answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    /** The few shapes the bodies have, as JSON: strings, numbers, booleans, lists and maps of them. */
    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(k) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(EventWritesBenchmark::json).toList()) + "]";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }

    private record Cpu(double jvmMs, double clientMs, double jitMs, double postgresMs, long wallNanos) {

        double serviceMs() {
            return jvmMs - clientMs;
        }

        /** This and what was spent from {@code from} to {@code to}. */
        Cpu plus(Cpu from, Cpu to) {
            return new Cpu(jvmMs + to.jvmMs - from.jvmMs, clientMs + to.clientMs - from.clientMs,
                    jitMs + to.jitMs - from.jitMs,
                    postgresMs + to.postgresMs - from.postgresMs, wallNanos + to.wallNanos - from.wallNanos);
        }
    }

    private Cpu cpu() throws Exception {
        double jvm = ticks(Path.of("/proc/self/stat")) / TICKS_PER_MS;
        double client = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && (info.getThreadName().startsWith("bench-client")
                    || info.getThreadName().startsWith("HttpClient") || info.getThreadName().equals("main"))) {
                long nanos = threads.getThreadCpuTime(id);
                client += nanos > 0 ? nanos / 1e6 : 0;
            }
        }
        double postgresMs = 0;
        try (Connection jdbc = jdbc(); PreparedStatement backends = jdbc.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            backends.setString(1, database);
            try (ResultSet rows = backends.executeQuery()) {
                while (rows.next()) {
                    Path stat = Path.of("/proc/" + rows.getInt(1) + "/stat");
                    if (Files.exists(stat)) {
                        postgresMs += ticks(stat) / TICKS_PER_MS;
                    }
                }
            }
        }
        double jit = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                // the kernel keeps 15 characters of a thread's name: "C2 CompilerThre", "C1 CompilerThre"
                if (Files.readString(task.resolve("comm")).trim().matches("C\\d CompilerThre.*")) {
                    jit += ticks(task.resolve("stat")) / TICKS_PER_MS;
                }
            }
        }
        return new Cpu(jvm, client, jit, postgresMs, System.nanoTime());
    }

    /** utime + stime of a /proc stat line, in clock ticks (fields 14 and 15, after the command in parentheses). */
    private static long ticks(Path stat) throws Exception {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private Connection jdbc() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
