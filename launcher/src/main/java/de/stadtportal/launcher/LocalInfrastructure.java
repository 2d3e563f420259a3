package de.stadtportal.launcher;

import de.stadtportal.testing.infrastructure.EmbeddedKafkaBroker;
import de.stadtportal.testing.infrastructure.EmbeddedPostgresServer;
import java.util.List;

/**
 * The embedded PostgreSQL and the in-process Kafka broker of the local platform, both keeping their
 * data under {@code .stadtportal/} so a second {@code up} finds everything as it was. Creates the
 * services' databases when they are missing; the topics are the services' own to declare (each
 * producer creates its topics at start), so the broker's default partition count is only for a
 * topic a client makes by itself.
 */
final class LocalInfrastructure implements AutoCloseable {

    static final List<String> DATABASES = List.of("content", "events", "search", "identity");

    private final LocalSettings settings;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    LocalInfrastructure(LocalSettings settings) {
        this.settings = settings;
    }

    void start() {
        postgres = EmbeddedPostgresServer.launch(settings.home().resolve("postgres"), settings.postgresPort());
        DATABASES.forEach(postgres::createDatabase);
        kafka = EmbeddedKafkaBroker.launch(settings.home().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.partitions());
    }

    /** Creates one more database if it is missing (for a service started next to the platform). */
    void createDatabase(String name) {
        postgres.createDatabase(name);
    }

    /** Takes Kafka away (same port and data when it comes back), as an outage would. */
    void stopKafka() {
        kafka.stop();
    }

    void startKafka() {
        kafka.start();
    }

    /** Stops PostgreSQL and starts it again on the same port with the same data. */
    void restartPostgres(java.time.Duration down) {
        postgres.close();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres = EmbeddedPostgresServer.launch(settings.home().resolve("postgres"), settings.postgresPort());
    }

    String r2dbcUrl(String database) {
        return postgres.r2dbcUrl(database);
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    String username() {
        return postgres.username();
    }

    String password() {
        return postgres.password();
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
