package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A venue that changes while events are written for it: an event is never written for a venue that
 * went or moved to another city meanwhile (409, not a 500 from the foreign key), and the last
 * snapshot on the topic is always the last committed version of the event, with its venue as it is.
 */
class VenueRacesIT extends EventsServiceIntegrationTest {

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());
    private final ExecutorService clients = Executors.newFixedThreadPool(5);

    @Autowired ConnectionFactory connections;

    private String city;
    private String venue;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        venue = fixtures.venue(city, "Zeche Bochum", 51.4730, 7.2260);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void an_event_created_while_its_venue_is_removed_is_a_409_and_nothing_is_written() {
        long events = fixtures.count("SELECT count(*) FROM event");
        long outbox = fixtures.outboxMark();

        EntityExchangeResult<String> answer = whileVenueIsLocked(
                "DELETE FROM venue WHERE id = '" + venue + "'");

        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(409);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getResponseBody()).contains("venueId");
        assertThat(fixtures.count("SELECT count(*) FROM event")).isEqualTo(events);
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
    }

    @Test
    void an_event_created_while_its_venue_moves_to_another_city_is_a_409_and_nothing_is_written() {
        String other = fixtures.knownCity(Fixtures.newCity("herne"));
        long outbox = fixtures.outboxMark();

        EntityExchangeResult<String> answer = whileVenueIsLocked(
                "UPDATE venue SET city = '" + other + "', version = version + 1 WHERE id = '" + venue + "'");

        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(409);
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE venue_id = '" + venue + "'")).isZero();
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
    }

    @Test
    void an_event_created_while_its_venue_is_renamed_is_written_once_with_the_venue_as_renamed() {
        long outbox = fixtures.outboxMark();

        EntityExchangeResult<String> answer = whileVenueIsLocked(renaming("Zeche Bochum (Halle 2)"));

        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(201);
        assertThat(answer.getResponseBody()).contains("Zeche Bochum (Halle 2)");
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE venue_id = '" + venue + "'")).isOne();
        assertAnnouncedOnceAt(outbox, "Zeche Bochum (Halle 2)");
    }

    @Test
    void an_event_cancelled_while_its_venue_is_renamed_is_announced_with_the_venue_as_renamed() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Abgesagt", "2027-06-12T20:00:00+02:00", null));
        long outbox = fixtures.outboxMark();

        EntityExchangeResult<String> answer = whileVenueIsLocked(() -> web.post()
                .uri("/api/events/{id}/cancellation", id).headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .exchange().expectBody(String.class).returnResult(), renaming("Zeche Bochum (Halle 3)"));

        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(200);
        assertThat(answer.getResponseBody()).contains("Zeche Bochum (Halle 3)").contains("cancelled");
        assertAnnouncedOnceAt(outbox, "Zeche Bochum (Halle 3)");
    }

    /** The change that renames the venue to {@code name}, as an edit of it would. */
    private String renaming(String name) {
        return "UPDATE venue SET name = '" + name + "', version = version + 1 WHERE id = '" + venue + "'";
    }

    /** One event appended since {@code outbox}, its snapshot with the venue as named {@code venueName}. */
    private void assertAnnouncedOnceAt(long outbox, String venueName) {
        assertThat(fixtures.outboxRowsSince(outbox)).isOne();
        assertThat(fixtures.count("SELECT count(*) FROM outbox WHERE id > " + outbox
                + " AND convert_from(payload, 'UTF8') LIKE '%" + venueName + "%'"))
                .as("the snapshot announced carries the venue as " + venueName).isOne();
    }

    @Test
    void a_venue_change_racing_event_edits_leaves_the_last_committed_version_last_on_the_topic() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Edit 0", "2027-06-12T20:00:00+02:00", null);
        String id = fixtures.event(body);

        List<CompletableFuture<Void>> racers = new ArrayList<>();
        for (int editor = 1; editor <= 4; editor++) {
            int e = editor;
            racers.add(CompletableFuture.runAsync(() -> {
                for (int edit = 1; edit <= 12; edit++) {
                    Map<String, Object> changed = new HashMap<>(body);
                    changed.put("title", "Edit " + e + "." + edit);
                    retryOnStale("/api/events/" + id, etag -> web.put().uri("/api/events/{id}", id)
                            .headers(h -> {
                                h.setBearerAuth(Tokens.editor(city));
                                h.setIfMatch(etag);
                            }).contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange());
                }
            }, clients));
        }
        racers.add(CompletableFuture.runAsync(() -> {
            for (int rename = 1; rename <= 12; rename++) {
                Map<String, Object> renamed = Fixtures.venueBody(city, "Zeche " + rename, 51.4730, 7.2260);
                retryOnStale("/api/venues/" + venue, etag -> web.put().uri("/api/venues/{id}", venue)
                        .headers(h -> {
                            h.setBearerAuth(Tokens.editor(city));
                            h.setIfMatch(etag);
                        }).contentType(MediaType.APPLICATION_JSON).bodyValue(renamed).exchange());
            }
        }, clients));
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();

        Map<?, ?> row = web.get().uri("/api/events/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        long version = ((Number) row.get("version")).longValue();
        assertThat(version).isEqualTo(1 + 4 * 12 + 12);

        List<EventPublished> published = topics.read(Topics.EVENTS_EVENTS, record -> id.equals(record.key()),
                        (int) version, Duration.ofSeconds(2), Duration.ofSeconds(60)).stream()
                .map(record -> envelope.read(record).event())
                .map(EventPublished.class::cast)
                .toList();
        assertThat(published).extracting(EventPublished::version).as("each committed version once, in order")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, version).boxed().toList());
        EventPublished last = published.get(published.size() - 1);
        assertThat(last.event().title()).isEqualTo(row.get("title"));
        assertThat(last.event().venue().name()).isEqualTo("Zeche 12").isEqualTo(((Map<?, ?>) row.get("venue")).get("name"));
    }

    /** Locks the venue row as a venue change would, sends a new event for it, runs {@code change} and commits. */
    private EntityExchangeResult<String> whileVenueIsLocked(String change) {
        return whileVenueIsLocked(() -> web.post()
                .uri("/api/events").headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.eventBody(city, venue, "Im Wanken", "2027-06-12T20:00:00+02:00", null))
                .exchange().expectBody(String.class).returnResult(), change);
    }

    /** Locks the venue row as a venue change would, sends {@code request}, runs {@code change} and commits. */
    private EntityExchangeResult<String> whileVenueIsLocked(Supplier<EntityExchangeResult<String>> request,
            String change) {
        Connection connection = Mono.from(connections.create()).block();
        try {
            Mono.from(connection.beginTransaction()).block();
            execute(connection, "SELECT id FROM venue WHERE id = '" + venue + "' FOR UPDATE");
            CompletableFuture<EntityExchangeResult<String>> answer = CompletableFuture.supplyAsync(request, clients);
            await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0);
            execute(connection, change);
            Mono.from(connection.commitTransaction()).block();
            return answer.join();
        } finally {
            Mono.from(connection.close()).block();
        }
    }

    private static void execute(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast();
    }

    /** Reads the resource's ETag and sends the change with it, again while someone else was faster. */
    private void retryOnStale(String uri, Function<String, WebTestClient.ResponseSpec> send) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String etag = web.get().uri(uri).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getETag();
            HttpStatus status = HttpStatus.valueOf(send.apply(etag).expectBody(String.class).returnResult()
                    .getStatus().value());
            if (status == HttpStatus.OK) {
                return;
            }
            assertThat(status).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        }
        throw new AssertionError("No change went through for " + uri);
    }
}
