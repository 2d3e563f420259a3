package de.stadtportal.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.MessagingProperties;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.contracts.Traceparent;
import de.stadtportal.testing.data.TestEvents;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

@SpringBootTest
@RealInfrastructure
class OutboxRelayIT {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator transactions;
    @Autowired DatabaseClient database;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired MessagingProperties properties;
    @Autowired MeterRegistry meters;
    @Autowired OutboxRelay relay;

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());

    @Test
    void a_rolled_back_transaction_publishes_nothing_and_a_committed_one_publishes_exactly_its_events() {
        String rolledBack = TestEvents.newArticleId();
        String committed = TestEvents.newArticleId();

        Mono<Void> failing = transactions.transactional(outbox.append(TestEvents.articlePublished(rolledBack, 1, "Verworfen"))
                .then(Mono.error(new IllegalStateException("the business write failed"))));
        assertThatThrownBy(failing::block).hasMessageContaining("the business write failed");
        transactions.transactional(outbox.append(TestEvents.articlePublished(committed, 1, "Bleibt"))
                        .then(outbox.append(TestEvents.articlePublished(committed, 2, "Bleibt, überarbeitet"))))
                .contextWrite(Context.of(Traceparent.CONTEXT_KEY, TRACEPARENT))
                .block();

        List<ConsumerRecord<String, byte[]>> records = topics.read(Topics.CONTENT_ARTICLES,
                record -> record.key().equals(rolledBack) || record.key().equals(committed), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::key).containsExactly(committed, committed);
        assertThat(records).extracting(record -> envelope.read(record).event().version()).containsExactly(1L, 2L);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_type")).isEqualTo("stadtportal.content.article.published.v1");
        assertThat(header(first, "ce_source")).isEqualTo("/stadtportal/content-service");
        assertThat(header(first, "ce_id")).isNotBlank();
        // the writer's trace goes on: same trace id, the parent now the relay's send span
        String sent = header(first, "traceparent");
        assertThat(sent).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(TRACEPARENT);
        assertThat(envelope.read(first).traceparent()).isEqualTo(sent);
        assertThat(meters.get(RelayTraces.NAME).tag("messaging.destination.name", Topics.CONTENT_ARTICLES).timer()
                .count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("stadtportal.outbox.publish").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void entries_appended_together_by_one_statement_arrive_in_their_order_as_if_appended_one_by_one() {
        String article = TestEvents.newArticleId();
        String untraced = TestEvents.newArticleId();
        List<ArticlePublished> together = List.of(TestEvents.articlePublished(article, 1, "Zusammen"),
                TestEvents.articlePublished(article, 2, "Zusammen, überarbeitet ✓ \"zitiert\""));

        Flux.fromIterable(together).concatMap(outbox::entry).collectList()
                .flatMap(entries -> Outbox.bindRows(database.sql(Outbox.appendRows()), entries).then())
                .as(transactions::transactional)
                .contextWrite(Context.of(Traceparent.CONTEXT_KEY, TRACEPARENT))
                .block();
        ArticlePublished alone = TestEvents.articlePublished(untraced, 1, "Ohne Spur");
        outbox.entry(alone).flatMap(entry -> Outbox.bindRows(database.sql(Outbox.appendRows()), List.of(entry)).then())
                .as(transactions::transactional)
                .block();

        List<ConsumerRecord<String, byte[]>> records = topics.read(Topics.CONTENT_ARTICLES,
                record -> record.key().equals(article) || record.key().equals(untraced), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> ofArticle = records.stream()
                .filter(record -> record.key().equals(article)).toList();
        assertThat(ofArticle).extracting(record -> envelope.read(record).event())
                .containsExactlyElementsOf(together);
        assertThat(ofArticle).extracting(record -> header(record, "traceparent"))
                .allMatch(sent -> sent.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assertThat(records).filteredOn(record -> record.key().equals(untraced))
                .extracting(record -> envelope.read(record).event()).containsExactly(alone);
        assertThat(database.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key AND traceparent IS NULL")
                .bind("key", untraced).map(row -> row.get("n", Long.class)).one().block())
                .as("no trace: NULL, as a single append stores it").isEqualTo(1);
    }

    @Test
    void a_write_whose_caller_goes_away_after_it_began_commits_whole() {
        String article = TestEvents.newArticleId();
        CompletableFuture<Disposable> caller = new CompletableFuture<>();
        // the caller gives up between the write's two statements, as a client's timeout would
        Mono<Void> write = transactions.transactional(outbox.append(TestEvents.articlePublished(article, 1, "Begonnen"))
                .then(Mono.fromFuture(caller).doOnNext(Disposable::dispose))
                .then(outbox.append(TestEvents.articlePublished(article, 2, "Zu Ende geschrieben"))));

        caller.complete(WholeWrites.finish(write).subscribe());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database
                .sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key")
                .bind("key", article)
                .map(row -> row.get("n", Long.class))
                .one()
                .block()).isEqualTo(2L));
        assertThat(caller.join().isDisposed()).isTrue();
    }

    @Test
    void a_thousand_events_over_ten_keys_arrive_in_order_per_key_each_once_with_two_relays_running() {
        OutboxRelay second = new OutboxRelay(database, connectionFactory, transactions, kafka, envelope,
                properties.outbox(), new SimpleMeterRegistry(), ObservationRegistry.NOOP);
        second.start();
        try {
            List<String> keys = IntStream.range(0, 10).mapToObj(i -> TestEvents.newArticleId()).toList();
            Flux.range(1, 100)
                    .concatMap(version -> transactions.transactional(Flux.fromIterable(keys)
                            .concatMap(key -> outbox.append(TestEvents.articlePublished(key, version, "Fassung " + version)))
                            .then()))
                    .blockLast(Duration.ofMinutes(2));

            List<ConsumerRecord<String, byte[]>> records = topics.read(Topics.CONTENT_ARTICLES,
                    record -> keys.contains(record.key()), 1000, Duration.ofSeconds(3), Duration.ofMinutes(2));

            assertThat(records).hasSize(1000);
            Map<String, List<Long>> versionsByKey = versionsByKey(records);
            List<Long> oneToHundred = oneTo(100);
            assertThat(versionsByKey).hasSize(10).allSatisfy((key, versions) -> assertThat(versions).isEqualTo(oneToHundred));
        } finally {
            second.stop();
        }
    }

    @Test
    void pipelined_rounds_of_two_relays_carry_a_backlog_in_order_per_key_and_mark_each_row_sent_once() {
        // small rounds, so that every round continues keys the round before it still has in flight
        MessagingProperties.Outbox small = new MessagingProperties.Outbox(true, 25, 2, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(10));
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        OutboxRelay first = new OutboxRelay(database, connectionFactory, transactions, kafka, envelope, small,
                firstMeters, ObservationRegistry.NOOP);
        OutboxRelay second = new OutboxRelay(database, connectionFactory, transactions, kafka, envelope, small,
                secondMeters, ObservationRegistry.NOOP);
        List<String> keys = IntStream.range(0, 3).mapToObj(i -> TestEvents.newArticleId()).toList();
        // what earlier tests appended is carried first, so that the two relays' counts are of these rows alone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database
                .sql("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL")
                .map(row -> row.get("n", Long.class)).one().block()).isZero());
        relay.stop();
        try {
            Flux.range(1, 300)
                    .concatMap(version -> transactions.transactional(Flux.fromIterable(keys)
                            .concatMap(key -> outbox.append(TestEvents.articlePublished(key, version, "Fassung " + version)))
                            .then()))
                    .blockLast(Duration.ofMinutes(2));
            assertThat(unsent(keys)).isEqualTo(900);
            first.start();
            second.start();

            List<ConsumerRecord<String, byte[]>> records = topics.read(Topics.CONTENT_ARTICLES,
                    record -> keys.contains(record.key()), 900, Duration.ofSeconds(3), Duration.ofMinutes(2));

            assertThat(versionsByKey(records)).hasSize(3)
                    .allSatisfy((key, versions) -> assertThat(versions).isEqualTo(oneTo(300)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unsent(keys)).isZero());
            assertThat(firstMeters.get("stadtportal.outbox.published").counter().count()
                    + secondMeters.get("stadtportal.outbox.published").counter().count()).isEqualTo(900);
        } finally {
            first.stop();
            second.stop();
            relay.start();
        }
    }

    @Test
    void events_written_while_kafka_is_stopped_all_arrive_in_order_once_it_is_back() {
        List<String> keys = IntStream.range(0, 4).mapToObj(i -> TestEvents.newArticleId()).toList();
        Infrastructure.get().kafka().stop();
        try {
            Flux.range(1, 50)
                    .concatMap(version -> transactions.transactional(Flux.fromIterable(keys)
                            .concatMap(key -> outbox.append(TestEvents.articlePublished(key, version, "Fassung " + version)))
                            .then()))
                    .blockLast(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(meters.get("stadtportal.outbox.failures").counter().count()).isPositive());
            assertThat(unsent(keys)).isEqualTo(200);
            // the backlog is counted at each retry, so the gauge may still show a count from before the last append
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(meters.get("stadtportal.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(200));
            // a stuck backlog ages even when it does not grow: the age is what the alert watches
            double age = oldestAge();
            assertThat(age).isPositive();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(oldestAge()).isGreaterThan(age + 1));
        } finally {
            Infrastructure.get().kafka().start();
        }

        List<ConsumerRecord<String, byte[]>> records = topics.read(Topics.CONTENT_ARTICLES,
                record -> keys.contains(record.key()), 200, Duration.ofSeconds(2), Duration.ofMinutes(2));

        Map<String, List<Long>> firstArrivals = new LinkedHashMap<>();
        versionsByKey(records).forEach((key, versions) -> firstArrivals.put(key, new ArrayList<>(new LinkedHashSet<>(versions))));
        assertThat(firstArrivals).hasSize(4).allSatisfy((key, versions) -> assertThat(versions).isEqualTo(oneTo(50)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(unsent(keys)).isZero());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(oldestAge()).isZero());
    }

    private double oldestAge() {
        return meters.get("stadtportal.outbox.oldest.age").gauge().value();
    }

    private long unsent(List<String> keys) {
        return database.sql("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND message_key = ANY(:keys)")
                .bind("keys", keys.toArray(String[]::new))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private Map<String, List<Long>> versionsByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ArticlePublished event = (ArticlePublished) envelope.read(record).event();
            versions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.version());
        }
        return versions;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }
}
