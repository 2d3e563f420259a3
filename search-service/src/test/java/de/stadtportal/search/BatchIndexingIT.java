package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.event;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static de.stadtportal.search.GermanSnapshots.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.search.indexing.application.IndexChanges;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The index listener takes a poll at a time and writes it in one statement. To put several records
 * into one poll, each test pauses the listener, publishes onto one partition and resumes it: the
 * next poll then brings everything published meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class BatchIndexingIT {

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;
    @Autowired KafkaListenerEndpointRegistry listeners;

    private Feed feed;
    private SearchApi api;

    /** The topics, as the broker creates them on a first send, so that the listener's group has partitions. */
    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafka().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            admin.createTopics(IndexChanges.TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList()).all().get();
        }
    }

    @BeforeEach
    void setUp() {
        feed = new Feed(kafka, envelope, codec);
        api = new SearchApi(web);
    }

    @Test
    void a_poison_record_in_the_middle_of_a_poll_is_dead_lettered_alone_and_the_rest_of_the_poll_is_indexed() {
        String city = freshCity();
        String poisonKey = "kaputt-" + UUID.randomUUID();
        var before = article(city).title("Vor dem Giftköder");
        var after = article(city).title("Hinter dem Giftköder");
        inOnePoll(() -> {
            feed.sendTo(0, null, before.published(1));
            feed.sendRaw(Topics.CONTENT_ARTICLES, 0, poisonKey, "{ kein Artikel".getBytes(StandardCharsets.UTF_8));
            feed.sendTo(0, null, after.published(1));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 2);
        assertThat(api.search("city", city).titles()).containsExactlyInAnyOrder("Vor dem Giftköder",
                "Hinter dem Giftköder");
        List<ConsumerRecord<String, byte[]>> dead = new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.deadLetter(Topics.CONTENT_ARTICLES), record -> poisonKey.equals(record.key()), 2,
                        Duration.ZERO, Duration.ofSeconds(10));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{ kein Artikel");
        feed.awaitConsumed();
        // the good records were indexed once: the poll's two documents and nothing dead-lettered beside the poison
        assertThat(new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.deadLetter(Topics.CONTENT_ARTICLES),
                        record -> List.of(before.id, after.id).contains(record.key()), 1, Duration.ZERO,
                        Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void of_several_versions_of_one_document_in_one_poll_the_newest_wins_in_whatever_order_they_come() {
        String city = freshCity();
        var article = article(city);
        var event = event(city);
        var venue = venue(city);
        inOnePoll(() -> {
            feed.sendTo(0, null, article.title("Erste Fassung im Stapel").published(1));
            feed.sendTo(0, null, article.title("Zweite Fassung im Stapel").published(2));
            feed.sendTo(0, null, event.title("Neuer Termin im Stapel").published(2));
            feed.sendTo(0, null, event.title("Alter Termin im Stapel").published(1));
            feed.sendTo(0, null, venue.name("Halle im Stapel").changed(1));
            feed.sendTo(0, null, venue.removed(2));
            feed.sendTo(0, null, venue.name("Halle im Stapel, verspätet").changed(1));
        });
        feed.awaitConsumed();

        SearchApi.Result result = api.search("city", city);
        assertThat(result.titles()).containsExactlyInAnyOrder("Zweite Fassung im Stapel", "Neuer Termin im Stapel");
        assertThat(api.search("q", "Erste Fassung", "city", city).total()).isZero();
        assertThat(api.search("q", "Alter Termin", "city", city).titles()).doesNotContain("Alter Termin im Stapel");
        assertThat(api.search("q", "Halle", "city", city).total()).isZero();
    }

    @Test
    void each_record_of_a_poll_is_logged_in_its_own_trace(CapturedOutput output) {
        String city = freshCity();
        var first = article(city).title("Erste Spur");
        var second = article(city).title("Zweite Spur");
        String firstTrace = UUID.randomUUID().toString().replace("-", "");
        String secondTrace = UUID.randomUUID().toString().replace("-", "");
        // a template that does not observe its sends, so the records keep the traceparent handed in
        Feed feed = new Feed(new KafkaTemplate<>(kafka.getProducerFactory()), envelope, codec);
        inOnePoll(() -> {
            feed.sendTo(0, "00-" + firstTrace + "-00f067aa0ba902b7-01", first.published(1));
            feed.sendTo(0, "00-" + secondTrace + "-00f067aa0ba902b8-01", second.published(1));
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(output.getOut().lines().filter(line -> line.contains(firstTrace)))
                    .anySatisfy(line -> assertThat(line).contains("processed for aggregate " + first.id));
            assertThat(output.getOut().lines().filter(line -> line.contains(secondTrace)))
                    .anySatisfy(line -> assertThat(line).contains("processed for aggregate " + second.id));
        });
    }

    /** Publishes while the listener is paused, so that its next poll takes all of it. */
    private void inOnePoll(Runnable publish) {
        MessageListenerContainer container = listeners.getListenerContainer("search-index");
        // a consumer pauses the partitions it has: wait until the group has given it its partitions
        await().atMost(Duration.ofSeconds(60)).until(() -> !container.getAssignedPartitions().isEmpty());
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(60)).until(container::isContainerPaused);
            publish.run();
        } finally {
            container.resume();
        }
    }
}
