package de.stadtportal.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import de.stadtportal.messaging.MessagingTestApplication;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.testing.data.TestEvents;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.ConsumerGroups;
import de.stadtportal.testing.kafka.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The consumer side against the real broker: a version-gated projection (see the test application)
 * fed straight through Kafka, bypassing the outbox, so the test controls order and duplicates.
 */
@SpringBootTest
@RealInfrastructure
class VersionGatedConsumerIT {

    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;
    @Autowired DatabaseClient database;
    @Autowired MeterRegistry meters;
    @Autowired MessagingTestApplication.ArticleProjection projection;
    @Autowired MessagingProperties properties;

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());

    @Test
    void a_duplicate_and_an_older_version_change_nothing() {
        String article = TestEvents.newArticleId();

        send(TestEvents.articlePublished(article, 1, "Erste Fassung"));
        send(TestEvents.articlePublished(article, 3, "Dritte Fassung"));
        send(TestEvents.articlePublished(article, 3, "Dritte Fassung, doppelt zugestellt"));
        send(TestEvents.articlePublished(article, 2, "Zweite Fassung, verspätet"));
        caughtUp();

        assertThat(title(article)).isEqualTo("Dritte Fassung");
        assertThat(version(article)).isEqualTo(3L);
    }

    @Test
    void a_withdrawal_is_not_undone_by_an_older_snapshot_arriving_after_it() {
        String article = TestEvents.newArticleId();

        send(TestEvents.articlePublished(article, 1, "Kurzlebig"));
        send(TestEvents.articleWithdrawn(article, 2));
        send(TestEvents.articlePublished(article, 1, "Kurzlebig, erneut zugestellt"));
        caughtUp();

        assertThat(title(article)).isNull();
    }

    @Test
    void a_poison_message_lands_in_the_dead_letter_topic_and_the_next_message_is_processed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.CONTENT_ARTICLES, poisonKey,
                "{ this is not an event".getBytes(StandardCharsets.UTF_8))).join();
        String next = TestEvents.newArticleId();
        send(TestEvents.articlePublished(next, 1, "Nach dem Giftköder"));

        await().atMost(Duration.ofSeconds(30)).until(() -> title(next) != null);
        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topics.deadLetter(Topics.CONTENT_ARTICLES),
                record -> poisonKey.equals(record.key()), 1, Duration.ZERO, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.CONTENT_ARTICLES);
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("CloudEvent");
        assertThat(letter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not an event");
    }

    @Test
    void a_record_the_database_refuses_is_retried_a_few_times_then_dead_lettered_and_its_partition_moves_on() {
        String article = TestEvents.newArticleId();
        double deadLettersBefore = deadLetters();
        double processedBefore = records("processed");
        double failedBefore = records("failed");

        // the test projection's trigger raises an exception for this title, every time (SQLSTATE P0001)
        send(TestEvents.articlePublished(article, 1, "Abgelehnt von der Datenbank"));
        // same key, so the same partition, right behind the refused record
        send(TestEvents.articlePublished(article, 2, "Angenommen"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "Angenommen".equals(title(article)));
        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topics.deadLetter(Topics.CONTENT_ARTICLES),
                record -> article.equals(record.key()), 1, Duration.ZERO, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(envelope.read(letter).event().version()).isEqualTo(1L);
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.CONTENT_ARTICLES);
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("the projection refuses article " + article);
        assertThat(projection.attempts(article, 1)).isEqualTo(1 + properties.consumer().retries());
        assertThat(projection.attempts(article, 2)).isEqualTo(1);
        // counted once the dead-letter topic acknowledged it, which may be a moment after it can be read
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadLetters() - deadLettersBefore).isEqualTo(1.0));
        // every failed attempt counts, the dead-lettered record never as processed, the one behind it once
        assertThat(records("failed") - failedBefore).isEqualTo(1.0 + properties.consumer().retries());
        assertThat(records("processed") - processedBefore).isEqualTo(1.0);
    }

    @Test
    void consumer_lag_is_visible_as_a_metric() {
        String article = TestEvents.newArticleId();
        send(TestEvents.articlePublished(article, 1, "Gemessen"));
        await().atMost(Duration.ofSeconds(30)).until(() -> title(article) != null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meters.getMeters())
                .anySatisfy(meter -> assertThat(meter.getId().getName())
                        .isEqualTo("kafka.consumer.fetch.manager.records.lag.max")));
    }

    private double records(String outcome) {
        return meters.get("stadtportal.consumer.records").tag("topic", Topics.CONTENT_ARTICLES)
                .tag("outcome", outcome).counter().count();
    }

    private double deadLetters() {
        return meters.get("stadtportal.consumer.dead.letters").tag("topic", Topics.CONTENT_ARTICLES).counter().count();
    }

    /** Every record on the topic so far has been processed (not merely a later one). */
    private static void caughtUp() {
        ConsumerGroups.awaitCaughtUp(Infrastructure.get().kafka().bootstrapServers(), "messaging-test",
                List.of(Topics.CONTENT_ARTICLES), Duration.ofSeconds(30));
    }

    private void send(IntegrationEvent event) {
        EventType type = EventType.of(event);
        kafka.send(envelope.toRecord(new OutgoingMessage(UUID.randomUUID(), type.topic(), event.aggregateId(),
                type.ceType(), type.source(), codec.encode(event), null, event.occurredAt()))).join();
    }

    private String title(String article) {
        return database.sql("SELECT title FROM test_article WHERE id = :id").bind("id", article)
                .map(row -> row.get("title", String.class)).one().block();
    }

    private Long version(String article) {
        return database.sql("SELECT version FROM test_article WHERE id = :id").bind("id", article)
                .map(row -> row.get("version", Long.class)).one().block();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
