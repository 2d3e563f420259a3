package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A reindex rebuilds from the topics while the old generation keeps answering in full. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ReindexIT {

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;
    @Autowired DatabaseClient database;
    @Autowired MeterRegistry meters;

    @Test
    void only_an_admin_may_start_a_reindex_or_see_its_progress() {
        web.post().uri("/api/search/reindex").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/search/reindex").headers(h -> h.setBearerAuth(Tokens.editor("*"))).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/search/reindex").exchange().expectStatus().isForbidden();
        web.get().uri("/api/search/reindex").headers(h -> h.setBearerAuth(Tokens.admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").exists();
    }

    @Test
    void queries_during_a_reindex_always_see_every_document_and_a_change_made_meanwhile_is_kept() {
        String city = freshCity();
        Feed feed = new Feed(kafka, envelope, codec);
        List<IntegrationEvent> articles = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            articles.add(article(city).title("Stadtteilporträt Nummer " + i).published(1));
        }
        feed.send(articles.toArray(IntegrationEvent[]::new));
        SearchApi api = new SearchApi(web);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.search("city", city).total() == 60);
        long before = activeGeneration();

        AtomicBoolean querying = new AtomicBoolean(true);
        List<Long> totals = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> queries = CompletableFuture.runAsync(() -> {
            while (querying.get()) {
                totals.add(api.search("city", city, "q", "Stadtteilporträt").total());
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !totals.isEmpty());

        Map<?, ?> started = web.post().uri("/api/search/reindex").headers(h -> h.setBearerAuth(Tokens.admin()))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(started.get("state")).isEqualTo("running");
        var latecomer = article(city).title("Stadtteilporträt, nachgereicht");
        feed.send(latecomer.published(1));

        await().atMost(Duration.ofSeconds(120)).until(() -> "done".equals(status().get("state")));
        // the database says done when the generation is activated; the instance's gauges follow a moment later
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("stadtportal.search.reindex.progress").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("stadtportal.search.reindex.running").gauge().value()).isZero();
            assertThat(meters.get("stadtportal.search.reindex.replayed").gauge().value()).isGreaterThanOrEqualTo(60);
        });
        int during = totals.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 61);
        querying.set(false);
        queries.join();

        assertThat(during).isPositive();
        assertThat(totals.subList(0, during)).allMatch(total -> total == 60 || total == 61);
        assertThat(activeGeneration()).isGreaterThan(before);
        assertThat(((Number) status().get("total")).longValue()).isGreaterThanOrEqualTo(60);
        assertThat(database.sql("SELECT count(DISTINCT generation) AS n FROM search_document")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    private Map<?, ?> status() {
        return web.get().uri("/api/search/reindex").headers(h -> h.setBearerAuth(Tokens.admin())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private long activeGeneration() {
        return database.sql("SELECT id FROM search_generation WHERE state = 'active'")
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
