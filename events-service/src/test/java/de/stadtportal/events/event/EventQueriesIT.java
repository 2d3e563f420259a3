package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.Fixtures;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueriesIT extends AtMusikforum {

    @Test
    void a_weekly_series_is_expanded_at_seven_local_time_across_both_clock_changes_without_its_exception_date() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Wochenkonzert", "2027-03-05T19:00:00+01:00",
                "2027-03-05T21:00:00+01:00");
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;UNTIL=20271105T235959Z",
                "exdates", List.of("2027-04-02T19:00:00+02:00")));
        fixtures.event(body);

        List<Map<String, Object>> items = items("/api/events?city=" + city
                + "&from=2027-03-01&to=2027-11-30&limit=100");

        assertThat(items).hasSize(35);
        List<OffsetDateTime> starts = items.stream().map(item -> OffsetDateTime.parse((String) item.get("start"))).toList();
        assertThat(starts).isSorted();
        assertThat(starts).allSatisfy(start -> {
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(19, 0));
            assertThat(start.getOffset()).isEqualTo(ZoneId.of("Europe/Berlin").getRules().getOffset(start.toInstant()));
        });
        assertThat(items.get(0).get("start")).isEqualTo("2027-03-05T19:00:00+01:00");
        assertThat(items).extracting(item -> item.get("start"))
                .contains("2027-03-26T19:00:00+01:00", "2027-04-09T19:00:00+02:00", "2027-10-29T19:00:00+02:00",
                        "2027-11-05T19:00:00+01:00")
                .doesNotContain("2027-04-02T19:00:00+02:00");
        assertThat(items.get(0)).containsEntry("end", "2027-03-05T21:00:00+01:00")
                .containsEntry("title", "Wochenkonzert").containsEntry("category", "konzert")
                .containsEntry("status", "scheduled").containsEntry("city", city);
        @SuppressWarnings("unchecked")
        Map<String, Object> venueRef = (Map<String, Object>) items.get(0).get("venue");
        assertThat(venueRef).containsEntry("id", venue).containsEntry("name", "Anneliese Brost Musikforum Ruhr");
    }

    @Test
    void an_event_running_during_the_window_is_included_and_one_ending_when_it_opens_is_not() {
        String running = fixtures.event(Fixtures.eventBody(city, venue, "Langer Abend", "2027-06-10T18:00:00+02:00",
                "2027-06-10T23:00:00+02:00"));
        fixtures.event(Fixtures.eventBody(city, venue, "Frühes Ende", "2027-06-10T17:00:00+02:00",
                "2027-06-10T20:00:00+02:00"));
        fixtures.event(Fixtures.eventBody(city, venue, "Später Beginn", "2027-06-10T21:00:00+02:00",
                "2027-06-10T22:00:00+02:00"));

        assertThat(items("/api/events?city=" + city + "&from=2027-06-10T18:00:00Z&to=2027-06-10T19:00:00Z"))
                .extracting(item -> item.get("eventId")).containsExactly(running);
        assertThat(items("/api/events?city=" + city + "&from=2027-06-10T17:00:00Z&to=2027-06-10T19:30:00Z"))
                .hasSize(3);
    }

    @Test
    void pages_follow_the_cursor_without_gaps_or_repeats() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Tägliche Führung", "2027-08-01T11:00:00+02:00",
                "2027-08-01T12:00:00+02:00");
        body.put("category", "fuehrung");
        body.put("recurrence", Map.of("rrule", "FREQ=DAILY;COUNT=5"));
        fixtures.event(body);
        fixtures.event(Fixtures.eventBody(city, venue, "Sommerkonzert", "2027-08-03T11:00:00+02:00", null));

        List<Object> starts = new ArrayList<>();
        String uri = "/api/events?city=" + city + "&from=2027-08-01&to=2027-08-10&limit=2";
        int pages = 0;
        String next = null;
        do {
            Map<String, Object> page = page(next == null ? uri : uri + "&cursor=" + next);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            items.forEach(item -> starts.add(item.get("start") + " " + item.get("title")));
            next = (String) page.get("next");
            pages++;
        } while (next != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(starts).hasSize(6).doesNotHaveDuplicates();
        assertThat(starts.get(2)).isIn("2027-08-03T11:00:00+02:00 Tägliche Führung", "2027-08-03T11:00:00+02:00 Sommerkonzert");
        assertThat(items("/api/events?city=" + city + "&from=2027-08-01&to=2027-08-10&category=fuehrung")).hasSize(5);
    }

    @Test
    void free_accessible_and_venue_filters_narrow_the_list() {
        Map<String, Object> free = Fixtures.eventBody(city, venue, "Offenes Singen", "2027-09-05T15:00:00+02:00", null);
        free.put("price", Map.of("free", true));
        free.put("accessibility", List.of());
        String freeId = fixtures.event(free);
        Map<String, Object> otherVenueBody = Fixtures.venueBody(city, "Kleiner Saal", 51.48, 7.22);
        otherVenueBody.put("accessibility", List.of());
        String otherVenue = fixtures.venue(otherVenueBody);
        Map<String, Object> stairs = Fixtures.eventBody(city, otherVenue, "Dachbodenlesung", "2027-09-05T18:00:00+02:00", null);
        stairs.put("accessibility", List.of());
        stairs.put("category", "lesung");
        String stairsId = fixtures.event(stairs);
        String window = "&from=2027-09-05&to=2027-09-06";

        assertThat(items("/api/events?city=" + city + window + "&free=true")).extracting(i -> i.get("eventId"))
                .containsExactly(freeId);
        assertThat(items("/api/events?city=" + city + window + "&free=false")).extracting(i -> i.get("eventId"))
                .containsExactly(stairsId);
        assertThat(items("/api/events?city=" + city + window + "&accessible=true")).extracting(i -> i.get("eventId"))
                .containsExactly(freeId);
        assertThat(items("/api/events?city=" + city + window + "&accessible=false")).extracting(i -> i.get("eventId"))
                .containsExactly(stairsId);
        assertThat(items("/api/events?city=" + city + window + "&venue=" + otherVenue)).extracting(i -> i.get("eventId"))
                .containsExactly(stairsId);
    }

    @Test
    void a_venue_a_hundred_metres_away_is_within_one_kilometre_and_dortmund_is_not_within_five() {
        String nearby = fixtures.venue(city, "Bühne am Marienplatz", 51.4796, MUSIKFORUM_LON);
        String dortmund = fixtures.knownCity(Fixtures.newCity("dortmund"));
        String dortmundVenue = fixtures.venue(dortmund, "Konzerthaus Dortmund", 51.5136, 7.4653);
        String nearbyEvent = fixtures.event(Fixtures.eventBody(city, nearby, "Platzkonzert", "2027-10-02T16:00:00+02:00", null));
        String dortmundEvent = fixtures.event(Fixtures.eventBody(dortmund, dortmundVenue, "Sinfonie in Dortmund",
                "2027-10-02T20:00:00+02:00", null));
        String window = "&from=2027-10-02&to=2027-10-03&limit=100";
        String near = "near=" + MUSIKFORUM_LAT + "," + MUSIKFORUM_LON;

        List<Map<String, Object>> withinOne = items("/api/events?" + near + "&radiusKm=1" + window);
        assertThat(withinOne).extracting(i -> i.get("eventId")).contains(nearbyEvent).doesNotContain(dortmundEvent);
        Map<String, Object> platzkonzert = withinOne.stream().filter(i -> nearbyEvent.equals(i.get("eventId")))
                .findFirst().orElseThrow();
        assertThat(((Number) platzkonzert.get("distanceKm")).doubleValue()).isBetween(0.09, 0.11);

        assertThat(items("/api/events?" + near + "&radiusKm=5" + window)).extracting(i -> i.get("eventId"))
                .contains(nearbyEvent).doesNotContain(dortmundEvent);
        List<Map<String, Object>> withinThirty = items("/api/events?" + near + "&radiusKm=30" + window);
        Map<String, Object> sinfonie = withinThirty.stream().filter(i -> dortmundEvent.equals(i.get("eventId")))
                .findFirst().orElseThrow();
        assertThat(((Number) sinfonie.get("distanceKm")).doubleValue()).isBetween(16.0, 19.0);
        assertThat(items("/api/events?city=" + city + window).get(0).get("distanceKm")).isNull();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String uri) {
        return (List<Map<String, Object>>) page(uri).get("items");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
