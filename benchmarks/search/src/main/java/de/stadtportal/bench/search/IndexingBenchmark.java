package de.stadtportal.bench.search;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.testing.data.TestEvents;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.ConsumerGroups;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Indexing throughput of search-service through the real broker: records indexed per second and
 * CPU per record, of the service and of PostgreSQL. Not a test, no assertions: it prints figures.
 * <p>
 * It starts an embedded PostgreSQL and Kafka in this JVM, then the search-service jar named by
 * {@code jar} as a process of its own (so the same run can measure any build of the service, e.g.
 * one built from an older commit), waits until it is ready and has indexed a warm-up, and then
 * publishes {@code records} article events onto {@code content.articles.v1} as fast as the producer
 * sends them: four in five a new article, one in five a newer version of an earlier one. Measured
 * from the first send until the service's consumer group has committed the last record: wall time,
 * the service process's CPU time, and the CPU time of this JVM's PostgreSQL processes. The load
 * average is printed with each figure: the machine may be shared.
 * <p>
 * {@code ./mvnw -q -o -pl benchmarks/search -am compile exec:java -Dexec.mainClass=de.stadtportal.bench.search.IndexingBenchmark
 * -Djar=search-service/target/search-service-0.1.0-SNAPSHOT-exec.jar -Drecords=20000} (see docs/benchmarks.md (Search)).
 * System properties: {@code jar} (required), {@code records} (20000), {@code warmup} (2000),
 * {@code label} (the jar's file name).
 */
public final class IndexingBenchmark {

    private static final String DATABASE = "search_indexing_bench";
    private static final String GROUP = "search-service";
    private static final String[] CITIES = {"bochum", "dortmund", "essen", "duisburg", "herne"};
    private static final String[] WORDS = {"Konzert", "Musikforum", "Hochschule", "Zeche", "Bibliothek", "Theater",
        "Stadtpark", "Bergbau", "Kunsthalle", "Straßenfest", "Wochenmarkt", "Förderturm", "Sternwarte", "Brauerei",
        "Bäckerei", "Campus", "Werkstatt", "Galerie", "Halde", "Kanal"};

    private final EventCodec codec = new EventCodec();
    private final CloudEventEnvelope envelope = new CloudEventEnvelope(codec);
    private final Random random = new Random(42);
    private final List<String> articles = new ArrayList<>();
    private final Map<String, Long> versions = new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        new IndexingBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path jar = Path.of(System.getProperty("jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("-Djar= must name a search-service jar, not " + jar);
        }
        int records = Integer.getInteger("records", 20_000);
        int warmup = Integer.getInteger("warmup", 2_000);
        String label = System.getProperty("label", jar.getFileName().toString());

        Infrastructure infrastructure = Infrastructure.get();
        infrastructure.postgres().createDatabase(DATABASE);
        String kafka = infrastructure.kafka().bootstrapServers();
        createTopics(kafka);

        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("search-indexing-bench", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        Map<String, String> environment = builder.environment();
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_PORT", String.valueOf(management));
        environment.put("DATABASE_R2DBC_URL", infrastructure.postgres().r2dbcUrl(DATABASE));
        environment.put("DATABASE_JDBC_URL", infrastructure.postgres().jdbcUrl(DATABASE));
        environment.put("DATABASE_USER", infrastructure.postgres().username());
        environment.put("DATABASE_PASSWORD", infrastructure.postgres().password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        // never asked: the benchmark sends no token
        environment.put("STADTPORTAL_SECURITY_JWT_JWK_SET_URI", "http://localhost:9/oauth2/jwks");
        environment.put("STADTPORTAL_SECURITY_JWT_ISSUER", "http://localhost:9");
        environment.put("STADTPORTAL_SECURITY_JWT_AUDIENCE", "stadtportal");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = builder.start();
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            awaitReady(service, management, log);
            publish(producer, warmup);
            ConsumerGroups.awaitCaughtUp(kafka, GROUP, IndexChanges.TOPICS, Duration.ofMinutes(5));

            String loadBefore = load();
            Duration serviceCpuBefore = cpu(service.toHandle());
            Map<Long, Duration> postgresCpuBefore = postgresCpu(infrastructure);
            long started = System.nanoTime();
            publish(producer, records);
            long sent = System.nanoTime();
            ConsumerGroups.awaitCaughtUp(kafka, GROUP, IndexChanges.TOPICS, Duration.ofMinutes(30));
            long indexed = System.nanoTime();
            Duration serviceCpu = cpu(service.toHandle()).minus(serviceCpuBefore);
            Duration postgresCpu = since(postgresCpuBefore, postgresCpu(infrastructure));
            String loadAfter = load();

            double seconds = (indexed - started) / 1e9;
            System.out.printf(Locale.ROOT, "%n%s: %d records indexed in %.2f s (sent in %.2f s)%n", label, records,
                    seconds, (sent - started) / 1e9);
            System.out.printf(Locale.ROOT, "  records indexed per second   %10.0f%n", records / seconds);
            System.out.printf(Locale.ROOT, "  search-service CPU / record  %10.3f ms%n",
                    serviceCpu.toNanos() / 1e6 / records);
            System.out.printf(Locale.ROOT, "  PostgreSQL CPU / record      %10.3f ms%n",
                    postgresCpu.toNanos() / 1e6 / records);
            System.out.printf(Locale.ROOT, "  load average before / after  %s / %s%n", loadBefore, loadAfter);
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer, int count) {
        List<CompletableFuture<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id;
            if (articles.size() > 100 && random.nextInt(5) == 0) {
                id = articles.get(random.nextInt(articles.size()));
            } else {
                id = UUID.randomUUID().toString();
                articles.add(id);
            }
            long version = versions.merge(id, 1L, Long::sum);
            String title = WORDS[random.nextInt(WORDS.length)] + " und " + WORDS[random.nextInt(WORDS.length)]
                    + " im Revier, Fassung " + version;
            IntegrationEvent event = TestEvents.articlePublished(id, version, title,
                    CITIES[random.nextInt(CITIES.length)]);
            EventType type = EventType.of(event);
            ProducerRecord<String, byte[]> record = envelope.toRecord(new OutgoingMessage(UUID.randomUUID(),
                    type.topic(), event.aggregateId(), type.ceType(), type.source(), codec.encode(event), null,
                    event.occurredAt()));
            CompletableFuture<Void> sent = new CompletableFuture<>();
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(exception);
                }
            });
            sends.add(sent);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    /** The four topics as the broker creates them on a first send, so that the service's group has partitions. */
    private static void createTopics(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Set<String> existing = admin.listTopics().names().get();
            admin.createTopics(IndexChanges.TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList()).all().get();
        }
    }

    private static void awaitReady(Process service, int management, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://localhost:" + management + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("search-service ended; its log: " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("search-service not ready within 5 minutes; its log: " + log);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The CPU time of the benchmark's PostgreSQL server processes (its backends, the WAL writer, the
     * checkpointer: every process {@code pg_stat_activity} lists), per process id.
     */
    private static Map<Long, Duration> postgresCpu(Infrastructure infrastructure) throws Exception {
        Map<Long, Duration> cpu = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl(DATABASE),
                infrastructure.postgres().username(), infrastructure.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet pids = statement.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (pids.next()) {
                long pid = pids.getLong(1);
                ProcessHandle.of(pid).ifPresent(process -> cpu.put(pid, cpu(process)));
            }
        }
        return cpu;
    }

    /** What the PostgreSQL processes spent since {@code before}; a process started since counts whole. */
    private static Duration since(Map<Long, Duration> before, Map<Long, Duration> after) {
        return after.entrySet().stream()
                .map(process -> process.getValue().minus(before.getOrDefault(process.getKey(), Duration.ZERO)))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static String load() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
