package de.stadtportal.testing.infrastructure;

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

    private void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
