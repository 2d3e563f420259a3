package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.Topics;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import de.stadtportal.events.event.application.SeriesAnnouncementJob;
import org.springframework.beans.factory.annotation.Autowired;

/** A series that goes on is published again, with its next starts, before search runs out of them. */
class SeriesAnnouncementsIT extends EventsServiceIntegrationTest {

    private final TopicReader topics = new TopicReader(Infrastructure.get().kafka().bootstrapServers());
    @Autowired SeriesAnnouncementJob announcements;
    private String city;
    private String venue;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        venue = fixtures.venue(city, "Kunstmuseum Bochum", 51.4862, 7.2179);
    }

    @Test
    void a_series_whose_announced_starts_ran_low_is_published_again_as_a_new_version() {
        String weekly = series("Offenes Atelier", "FREQ=WEEKLY");
        String shortSeries = series("Lesereihe", "FREQ=WEEKLY;COUNT=3");
        String single = fixtures.event(Fixtures.eventBody(city, venue, "Vernissage", "2027-05-07T19:00:00+02:00", null));
        OffsetDateTime sixthStart = announceAgainAt(weekly);
        assertThat(sixthStart).isAfter(OffsetDateTime.now().plusWeeks(4));
        assertThat(announceAgainAtIsSet(shortSeries)).isFalse();
        assertThat(announceAgainAtIsSet(single)).isFalse();

        // the sixth announced start has begun
        database.sql("UPDATE event SET announce_again_at = now() - interval '1 minute' WHERE id = CAST(:id AS uuid)")
                .bind("id", weekly).then().block();
        long outbox = fixtures.outboxMark();
        assertThat(announcements.pass().block()).isGreaterThanOrEqualTo(1L);

        assertThat(fixtures.count("SELECT count(*) FROM outbox WHERE id > " + outbox
                + " AND message_key = '" + weekly + "'")).isEqualTo(1);
        assertThat(announceAgainAt(weekly)).isAfter(OffsetDateTime.now().plusWeeks(4));
        assertThat(announcements.pass().block()).isZero();
        List<EventPublished> published = topics.read(Topics.EVENTS_EVENTS, record -> weekly.equals(record.key()), 2,
                        Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                .map(record -> (EventPublished) envelope.read(record).event())
                .toList();
        assertThat(published).extracting(EventPublished::version).containsExactly(1L, 2L);
        List<OffsetDateTime> next = published.get(1).event().nextOccurrences();
        assertThat(next).hasSize(10);
        assertThat(next.get(0)).isAfter(OffsetDateTime.now());
        web.get().uri("/api/events/{id}", weekly).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.title").isEqualTo("Offenes Atelier");
    }

    @Test
    void more_due_series_than_a_batch_holds_are_all_announced_in_one_pass() {
        List<String> weekly = java.util.stream.IntStream.range(0, SeriesAnnouncementJob.BATCH + 20)
                .mapToObj(i -> series("Offene Probe " + i, "FREQ=WEEKLY"))
                .toList();
        database.sql("UPDATE event SET announce_again_at = now() - interval '1 minute' WHERE id = ANY(CAST(:ids AS uuid[]))")
                .bind("ids", weekly.toArray(String[]::new)).then().block();

        assertThat(announcements.pass().block(Duration.ofSeconds(60))).isGreaterThanOrEqualTo(weekly.size());
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE announce_again_at < now() AND city = '" + city + "'"))
                .isZero();
    }

    @Test
    void two_instances_announcing_at_once_announce_each_due_series_exactly_once() {
        List<String> weekly = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> series("Chorprobe " + i, "FREQ=WEEKLY"))
                .toList();
        long outbox = fixtures.outboxMark();
        database.sql("UPDATE event SET announce_again_at = now() - interval '1 minute' WHERE id = ANY(CAST(:ids AS uuid[]))")
                .bind("ids", weekly.toArray(String[]::new)).then().block();

        // two passes at the same moment, as the jobs of two instances run them (each its own transactions)
        Long announced = Mono.zip(announcements.pass().subscribeOn(Schedulers.boundedElastic()),
                announcements.pass().subscribeOn(Schedulers.boundedElastic()), Long::sum).block(Duration.ofSeconds(60));

        assertThat(announced).isGreaterThanOrEqualTo(weekly.size());
        String keys = String.join("','", weekly);
        assertThat(fixtures.count("SELECT count(*) FROM outbox WHERE id > " + outbox + " AND message_key IN ('" + keys
                + "')")).as("one new version per series").isEqualTo(weekly.size());
        assertThat(fixtures.count("SELECT count(DISTINCT message_key) FROM outbox WHERE id > " + outbox
                + " AND message_key IN ('" + keys + "')")).isEqualTo(weekly.size());
    }

    private String series(String title, String rrule) {
        Map<String, Object> body = Fixtures.eventBody(city, venue, title, "2026-01-02T15:00:00+01:00",
                "2026-01-02T18:00:00+01:00");
        body.put("recurrence", Map.of("rrule", rrule, "exdates", List.of()));
        return fixtures.event(body);
    }

    private OffsetDateTime announceAgainAt(String id) {
        return database.sql("SELECT announce_again_at FROM event WHERE id = CAST(:id AS uuid)").bind("id", id)
                .map(row -> row.get("announce_again_at", OffsetDateTime.class)).one().block();
    }

    private boolean announceAgainAtIsSet(String id) {
        return fixtures.count("SELECT count(*) FROM event WHERE announce_again_at IS NOT NULL AND id = '" + id + "'") == 1;
    }
}
