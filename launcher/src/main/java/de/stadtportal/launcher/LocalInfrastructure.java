package de.stadtportal.launcher;

import de.stadtportal.contracts.Topics;
import de.stadtportal.testing.infrastructure.EmbeddedKafkaBroker;
import de.stadtportal.testing.infrastructure.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The embedded PostgreSQL and the in-process Kafka broker of the local platform, both keeping their
 * data under {@code .stadtportal/} so a second {@code up} finds everything as it was. Creates the
 * services' databases and the compacted topics (and their dead-letter topics) when they are missing.
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
        createTopics();
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

    private void createTopics() {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, settings.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
                String deadLetter = Topics.deadLetter(topic);
                if (!existing.contains(deadLetter)) {
                    missing.add(new NewTopic(deadLetter, 1, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while creating topics");
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchException("Could not create the Kafka topics: " + e.getMessage());
        }
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
