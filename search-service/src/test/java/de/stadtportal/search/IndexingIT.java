package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.city;
import static de.stadtportal.search.GermanSnapshots.event;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static de.stadtportal.search.GermanSnapshots.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Events produced on the four topics become searchable, exactly as their newest versions say. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class IndexingIT {

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;
    @LocalManagementPort int managementPort;

    private Feed feed;
    private SearchApi api;

    @BeforeEach
    void setUp() {
        feed = new Feed(kafka, envelope, codec);
        api = new SearchApi(web);
    }

    @Test
    void an_article_an_event_a_venue_and_a_city_portrait_become_searchable() {
        String city = freshCity();
        var article = article(city).title("UniverCity: Studieren mitten im Revier");
        var event = event(city).title("Jazznacht im Musikforum");
        var venue = venue(city).name("Zeche Hannover");
        feed.send(article.published(1), event.published(1), venue.changed(1), city(city).name("Ruhrstadt").changed(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 4);
        SearchApi.Result all = api.search("city", city);
        assertThat(all.hits()).extracting(SearchApi.Hit::type)
                .containsExactlyInAnyOrder("article", "event", "venue", "city");
        assertThat(all.facets().type()).containsEntry("article", 1L).containsEntry("event", 1L)
                .containsEntry("venue", 1L).containsEntry("city", 1L);

        SearchApi.Hit found = api.search("q", "Jazznacht", "city", city).hits().get(0);
        assertThat(found.id()).isEqualTo(event.id);
        assertThat(found.url()).isEqualTo("/api/events/" + event.id);
        assertThat(found.status()).isEqualTo("scheduled");
        assertThat(found.startsAt()).matches("\\d{4}-\\d{2}-\\d{2}T19:00:00\\+0[12]:00");
        assertThat(api.search("q", "Studieren", "city", city).hits().get(0).url())
                .isEqualTo("/api/cities/" + city + "/articles/artikel-" + article.id.substring(0, 8));
    }

    @Test
    void duplicates_reordering_and_replays_leave_the_index_exact() {
        String city = freshCity();
        var article = article(city);
        var event = event(city);
        List<IntegrationEvent> history = List.of(
                article.title("Erste Fassung über Stadtgärten").published(1),
                article.title("Dritte Fassung über Stadtgärten").published(3),
                article.title("Dritte Fassung über Stadtgärten").published(3),
                article.title("Zweite Fassung über Stadtgärten, verspätet").published(2),
                event.title("Gartenfest, neuer Termin").published(2),
                event.title("Gartenfest, alter Termin").published(1));
        for (int replay = 0; replay < 2; replay++) {
            history.forEach(feed::send);
        }
        feed.awaitConsumed();

        SearchApi.Result result = api.search("city", city);
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.titles()).containsExactlyInAnyOrder("Dritte Fassung über Stadtgärten",
                "Gartenfest, neuer Termin");
        assertThat(api.search("q", "Erste Fassung", "city", city).total()).isZero();
        assertThat(api.search("q", "verspätet", "city", city).total()).isZero();
        assertThat(api.search("q", "alter Termin", "city", city).titles()).doesNotContain("Gartenfest, alter Termin");
    }

    @Test
    void withdrawn_and_removed_documents_disappear_and_a_late_older_snapshot_does_not_bring_them_back() {
        String city = freshCity();
        var article = article(city).title("Bald zurückgezogen");
        var event = event(city).title("Abgesagte Lesung");
        var venue = venue(city).name("Alte Halle");
        var portrait = city(city);
        feed.send(article.published(1), event.published(1), venue.changed(1), portrait.changed(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 4);

        feed.send(article.withdrawn(2), event.withdrawn(2), venue.removed(2), portrait.removed(2));
        feed.send(article.published(1), event.published(1), venue.changed(1), portrait.changed(1));
        feed.awaitConsumed();

        assertThat(api.search("city", city).total()).isZero();
        assertThat(api.search("q", "zurückgezogen", "city", city).hits()).isEmpty();
    }

    @Test
    void a_record_that_breaks_its_contract_is_dead_lettered_and_indexing_goes_on() {
        String city = freshCity();
        String poisonKey = "kaputt-" + UUID.randomUUID();
        feed.sendRaw(Topics.EVENTS_EVENTS, poisonKey, "{ kein Ereignis".getBytes(StandardCharsets.UTF_8));
        var after = event(city).title("Nach dem Fehler geht es weiter");
        feed.send(after.published(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 1);
        List<ConsumerRecord<String, byte[]>> dead = new TopicReader(Infrastructure.get().kafka().bootstrapServers())
                .read(Topics.deadLetter(Topics.EVENTS_EVENTS), record -> poisonKey.equals(record.key()), 1,
                        Duration.ZERO, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-original-topic").value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.EVENTS_EVENTS);
    }

    @Test
    void freshness_query_time_documents_per_type_consumer_lag_record_outcomes_and_reindex_progress_are_exported() {
        String city = freshCity();
        feed.send(article(city).title("Gemessen und gefunden").published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("q", "gefunden", "city", city).total() == 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // with latency histograms the scrape is larger than a client buffers by default
            String scrape = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                    .build().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            Map<String, String> lines = scrape.lines().filter(line -> !line.startsWith("#"))
                    .collect(Collectors.toMap(line -> line.substring(0, line.lastIndexOf(' ')),
                            line -> line.substring(line.lastIndexOf(' ') + 1), (a, b) -> a));
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_search_freshness_seconds_count"));
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_search_query_seconds_count"));
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("kafka_consumer_fetch_manager_records_lag_max"));
            // the pipeline: what became of each record, dead letters per topic, a reindex's progress
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_consumer_records_total{")
                    && name.contains("outcome=\"processed\"") && name.contains("topic=\"content.articles.v1\""));
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_consumer_records_total{")
                    && name.contains("outcome=\"failed\""));
            assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_consumer_dead_letters_total{")
                    && name.contains("topic=\"events.events.v1\""));
            for (String reindex : List.of("running", "replayed", "size", "progress")) {
                assertThat(lines.keySet()).anyMatch(name -> name.startsWith("stadtportal_search_reindex_" + reindex));
            }
            assertThat(lines.entrySet()).anyMatch(line -> line.getKey().startsWith("stadtportal_search_documents{")
                    && line.getKey().contains("type=\"article\"") && Double.parseDouble(line.getValue()) >= 1);
        });
    }
}
