package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import de.stadtportal.events.event.application.ListingJob;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages of occurrences over many one-off events and series without end: read from the listing of
 * starts, expanded from the rule where a listing does not reach, or both, a page follows the
 * cursor without gaps or repeats and in the order of one long page.
 */
class EventPagesIT extends EventsServiceIntegrationTest {

    private static final Comparator<Map<String, Object>> BY_START = Comparator
            .comparing((Map<String, Object> item) -> OffsetDateTime.parse((String) item.get("start")).toInstant())
            .thenComparing(item -> (String) item.get("eventId"));

    @Autowired ListingJob listings;
    private String city;
    private String venue;
    private final List<String> weeklySeries = new ArrayList<>();

    /**
     * February 2027 in one city: an exhibition running since January, 25 evenings, five weekly series
     * and a daily one without end, a late moment on the last evening and one just after the month.
     */
    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("bochum"));
        venue = fixtures.venue(city, "Schauspielhaus Bochum", 51.4795, 7.2218);
        Map<String, Object> exhibition = Fixtures.eventBody(city, venue, "Ausstellung", "2027-01-15T10:00:00+01:00",
                "2027-03-15T18:00:00+01:00");
        exhibition.put("category", "ausstellung");
        fixtures.event(exhibition);
        for (int day = 1; day <= 25; day++) {
            fixtures.event(Fixtures.eventBody(city, venue, "Abend " + day,
                    String.format("2027-02-%02dT19:00:00+01:00", day), String.format("2027-02-%02dT21:00:00+01:00", day)));
        }
        for (int series = 1; series <= 5; series++) {
            weeklySeries.add(fixtures.event(series("Reihe " + series,
                    String.format("2026-12-%02dT19:00:00+01:00", series), "FREQ=WEEKLY")));
        }
        fixtures.event(series("Morgenführung", "2027-02-20T11:00:00+01:00", "FREQ=DAILY"));
        fixtures.event(Fixtures.eventBody(city, venue, "Mitternacht", "2027-02-28T23:59:00+01:00", null));
        fixtures.event(Fixtures.eventBody(city, venue, "Nach dem Monat", "2027-03-01T00:00:00+01:00", null));
    }

    @Test
    void pages_of_seven_walk_through_one_offs_running_events_and_series_without_gaps_or_repeats() {
        String window = "/api/events?city=" + city + "&from=2027-02-01&to=2027-03-01";

        List<Map<String, Object>> paged = walk(window, 7);

        // the exhibition, 25 evenings, 5 series x 4 weeks, 9 mornings, the midnight moment
        assertThat(paged).hasSize(1 + 25 + 20 + 9 + 1);
        assertThat(paged).isSortedAccordingTo(BY_START);
        assertThat(paged).extracting(item -> item.get("eventId") + " " + item.get("start")).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(page(window + "&limit=100").items());
        assertThat(paged.get(0)).containsEntry("title", "Ausstellung").containsEntry("start", "2027-01-15T10:00:00+01:00");
        assertThat(paged.get(paged.size() - 1)).containsEntry("title", "Mitternacht");
        assertThat(paged.get(paged.size() - 1).get("end")).isNull();
        // 2026-12-01 is a Tuesday
        assertThat(paged).filteredOn(item -> "Reihe 1".equals(item.get("title"))).extracting(item -> item.get("start"))
                .containsExactly("2027-02-02T19:00:00+01:00", "2027-02-09T19:00:00+01:00", "2027-02-16T19:00:00+01:00",
                        "2027-02-23T19:00:00+01:00");
    }

    @Test
    void a_window_beyond_how_far_series_are_listed_is_expanded_from_their_rules() {
        String window = "/api/events?city=" + city + "&from=2028-08-01&to=2028-09-01";

        List<Map<String, Object>> paged = walk(window, 6);

        long weekly = 0;
        for (int series = 1; series <= 5; series++) {
            DayOfWeek day = LocalDate.of(2026, 12, series).getDayOfWeek();
            weekly += LocalDate.of(2028, 8, 1).datesUntil(LocalDate.of(2028, 9, 1))
                    .filter(date -> date.getDayOfWeek() == day).count();
        }
        assertThat(paged).hasSize((int) weekly + 31);
        assertThat(paged).isSortedAccordingTo(BY_START);
        assertThat(paged).extracting(item -> item.get("eventId") + " " + item.get("start")).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(page(window + "&limit=100").items());
        assertThat(paged).extracting(item -> item.get("start")).contains("2028-08-01T11:00:00+02:00");
    }

    @Test
    void events_not_listed_yet_are_found_from_their_rules_and_the_next_pass_lists_them() {
        String unlisted = weeklySeries.get(0);
        // every event of the city, as after the migration that brought the listing: more than a
        // pass reads at once from its batch
        database.sql("DELETE FROM occurrence WHERE event_id IN (SELECT id FROM event WHERE city = :city)")
                .bind("city", city).then().block();
        database.sql("UPDATE event SET listed_from = '-infinity', listed_until = '-infinity' WHERE city = :city")
                .bind("city", city).then().block();
        String window = "/api/events?city=" + city + "&from=2027-02-01&to=2027-03-01";

        assertThat(walk(window, 5)).hasSize(56).filteredOn(item -> unlisted.equals(item.get("eventId"))).hasSize(4);

        assertThat(listings.pass().block()).isGreaterThanOrEqualTo(34L);
        assertThat(fixtures.count("SELECT count(*) FROM occurrence WHERE event_id = '" + unlisted + "'"))
                .isGreaterThan(4);
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE listed_until < now() + interval '400 days'"
                + " AND city = '" + city + "'")).isZero();
        assertThat(walk(window, 5)).hasSize(56).filteredOn(item -> unlisted.equals(item.get("eventId"))).hasSize(4);
    }

    @Test
    void a_listing_holds_each_start_once_and_moves_with_an_edit() {
        String series = weeklySeries.get(1);
        long listed = fixtures.count("SELECT count(*) FROM occurrence WHERE event_id = '" + series + "'");
        long weeksListed = ChronoUnit.WEEKS.between(LocalDate.of(2026, 12, 2), LocalDate.now().plusDays(500)) + 1;
        assertThat(listed).isBetween(weeksListed - 1, weeksListed + 1);
        assertThat(fixtures.count("SELECT count(*) FROM occurrence WHERE event_id = '" + series
                + "' AND start_at = '2027-02-03T19:00:00+01:00'")).isOne();

        Map<String, Object> moved = series("Reihe 2", "2026-12-02T20:00:00+01:00", "FREQ=WEEKLY;COUNT=3");
        String etag = fixtures.etag(series);
        web.put().uri("/api/events/{id}", series)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(etag);
                })
                .bodyValue(moved).exchange().expectStatus().isOk();

        assertThat(fixtures.count("SELECT count(*) FROM occurrence WHERE event_id = '" + series + "'")).isEqualTo(3);
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE listed_until = 'infinity' AND id = '"
                + series + "'")).isOne();
        assertThat(walk("/api/events?city=" + city + "&from=2027-02-01&to=2027-03-01", 10)).hasSize(52);
    }

    private Map<String, Object> series(String title, String start, String rrule) {
        Map<String, Object> body = Fixtures.eventBody(city, venue, title, start,
                OffsetDateTime.parse(start).plusHours(2).toString());
        body.put("recurrence", Map.of("rrule", rrule, "exdates", List.of()));
        return body;
    }

    private List<Map<String, Object>> walk(String uri, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Page page = page(uri + "&limit=" + limit + (next == null ? "" : "&cursor=" + next));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            items.addAll(page.items());
            next = page.next();
            pages++;
        } while (next != null && pages < 100);
        return items;
    }

    private record Page(List<Map<String, Object>> items, String next) {
    }

    @SuppressWarnings("unchecked")
    private Page page(String uri) {
        Map<String, Object> body = web.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Page((List<Map<String, Object>>) body.get("items"), (String) body.get("next"));
    }
}
