package de.stadtportal.testing.infrastructure;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one PostgreSQL server and the one Kafka broker of a test JVM, started on first use and
 * stopped when the JVM ends. Where a Docker engine answers they are Testcontainers containers
 * ({@code postgres:17}, {@code apache/kafka}); otherwise an embedded PostgreSQL and an in-process
 * KRaft broker. The same tests run either way, nothing is skipped, and the log says which was used.
 * The system property or environment variable {@code stadtportal.test.infrastructure}
 * ({@code containers} or {@code embedded}) overrides the choice.
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static volatile Infrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static Infrastructure get() {
        Infrastructure local = instance;
        if (local == null) {
            synchronized (Infrastructure.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Infrastructure start() {
        boolean containers = useContainers();
        long started = System.nanoTime();
        PostgresServer postgres = containers ? ContainerPostgresServer.launch() : EmbeddedPostgresServer.launch();
        KafkaBroker kafka = containers ? ContainerKafkaBroker.launch() : EmbeddedKafkaBroker.launch();
        log.info("Test infrastructure ready in {} ms: {}; {}", (System.nanoTime() - started) / 1_000_000,
                postgres.description(), kafka.description());
        Infrastructure infrastructure = new Infrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "stadtportal-test-infrastructure"));
        return infrastructure;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("stadtportal.test.infrastructure",
                System.getenv().getOrDefault("STADTPORTAL_TEST_INFRASTRUCTURE", "auto"));
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            log.debug("No Docker engine: {}", e.toString());
            return false;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /**
     * What a service needs to run on one database of this server and on this broker: its R2DBC
     * connection, Flyway's JDBC connection (without which the schema would silently never be
     * migrated) and the broker's address. A mutable map, for the caller's own properties.
     */
    public Map<String, Object> serviceProperties(String database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        return properties;
    }

    private void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
