package de.stadtportal.testing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureIT {

    private final Infrastructure infrastructure = Infrastructure.get();

    @Test
    void postgres_has_the_german_text_search_and_the_extensions_search_needs() throws Exception {
        String database = "infra_" + UUID.randomUUID().toString().substring(0, 8);
        infrastructure.postgres().createDatabase(database);
        PostgresServer postgres = infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            ResultSet stem = statement.executeQuery("SELECT to_tsvector('german', 'Hochschulen') @@ "
                    + "plainto_tsquery('german', 'Hochschule'), unaccent('Müller'), similarity('Konzert', 'Konzrt') > 0.3");
            assertThat(stem.next()).isTrue();
            assertThat(stem.getBoolean(1)).isTrue();
            assertThat(stem.getString(2)).isEqualTo("Muller");
            assertThat(stem.getBoolean(3)).isTrue();
        }
    }

    @Test
    void the_broker_keeps_its_topics_and_address_across_a_stop_and_a_start() {
        String topic = "infrastructure-" + UUID.randomUUID();
        KafkaBroker kafka = infrastructure.kafka();
        send(kafka, topic, "before");

        kafka.stop();
        assertThat(kafka.running()).isFalse();
        kafka.start();

        send(kafka, topic, "after");
        assertThat(readAll(kafka, topic, 2)).containsExactly("before", "after");
    }

    private static void send(KafkaBroker kafka, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readAll(KafkaBroker kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
