package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.io.StringReader;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EventRepresentationsIT extends AtMusikforum {

    private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar");

    @Test
    void json_ld_describes_a_rescheduled_event_as_schema_org_with_place_geo_and_offer() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Orgelnacht", "2027-04-10T20:00:00+02:00",
                "2027-04-10T22:00:00+02:00"));
        post(id, "rescheduling", Map.of("start", "2027-05-08T20:00:00+02:00"));

        web.get().uri("/api/events/{id}", id).accept(LD_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(LD_JSON)
                .expectBody()
                .jsonPath("$['@context']").isEqualTo("https://schema.org")
                .jsonPath("$['@type']").isEqualTo("Event")
                .jsonPath("$.name").isEqualTo("Orgelnacht")
                .jsonPath("$.startDate").isEqualTo("2027-05-08T20:00:00+02:00")
                .jsonPath("$.endDate").isEqualTo("2027-05-08T22:00:00+02:00")
                .jsonPath("$.eventStatus").isEqualTo("https://schema.org/EventRescheduled")
                .jsonPath("$.previousStartDate").isEqualTo("2027-04-10T20:00:00+02:00")
                .jsonPath("$.location['@type']").isEqualTo("Place")
                .jsonPath("$.location.name").isEqualTo("Anneliese Brost Musikforum Ruhr")
                .jsonPath("$.location.address['@type']").isEqualTo("PostalAddress")
                .jsonPath("$.location.address.streetAddress").isEqualTo("Marienplatz 1")
                .jsonPath("$.location.address.postalCode").isEqualTo("44787")
                .jsonPath("$.location.geo['@type']").isEqualTo("GeoCoordinates")
                .jsonPath("$.location.geo.latitude").isEqualTo(51.4787)
                .jsonPath("$.location.geo.longitude").isEqualTo(7.2163)
                .jsonPath("$.offers['@type']").isEqualTo("AggregateOffer")
                .jsonPath("$.offers.lowPrice").isEqualTo(12.0)
                .jsonPath("$.offers.highPrice").isEqualTo(39.0)
                .jsonPath("$.offers.priceCurrency").isEqualTo("EUR")
                .jsonPath("$.offers.availability").isEqualTo("https://schema.org/InStock");
    }

    @Test
    void json_ld_says_cancelled_postponed_and_sold_out_the_schema_org_way() {
        String soldOut = fixtures.event(Fixtures.eventBody(city, venue, "Ausverkauft", "2027-04-11T20:00:00+02:00", null));
        post(soldOut, "sold-out", null);
        ld(soldOut).jsonPath("$.eventStatus").isEqualTo("https://schema.org/EventScheduled")
                .jsonPath("$.offers.availability").isEqualTo("https://schema.org/SoldOut");

        String postponed = fixtures.event(Fixtures.eventBody(city, venue, "Verschoben", "2027-04-12T20:00:00+02:00", null));
        post(postponed, "postponement", null);
        ld(postponed).jsonPath("$.eventStatus").isEqualTo("https://schema.org/EventPostponed");

        String cancelled = fixtures.event(Fixtures.eventBody(city, venue, "Abgesagt", "2027-04-13T20:00:00+02:00", null));
        post(cancelled, "cancellation", null);
        ld(cancelled).jsonPath("$.eventStatus").isEqualTo("https://schema.org/EventCancelled");
    }

    @Test
    void one_event_as_icalendar_parses_back_with_vtimezone_rrule_exdate_and_status_cancelled() throws Exception {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Wochenkonzert", "2027-03-05T19:00:00+01:00",
                "2027-03-05T21:00:00+01:00");
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;UNTIL=20271105T235959Z",
                "exdates", List.of("2027-04-02T19:00:00+02:00")));
        String id = fixtures.event(body);
        post(id, "cancellation", null);

        String text = ics("/api/events/" + id);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty("TZID").map(Property::getValue)).contains("Europe/Berlin");
        VEvent event = events.get(0);
        assertThat(value(event, "UID")).isEqualTo(id + "@stadtportal.de");
        assertThat(value(event, "RRULE")).isEqualTo("FREQ=WEEKLY;UNTIL=20271105T235959Z");
        assertThat(value(event, "EXDATE")).isEqualTo("20270402T190000");
        assertThat(event.getProperty("EXDATE").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "DTSTAMP")).isNotBlank();
        assertThat(value(event, "SUMMARY")).isEqualTo("Wochenkonzert");
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertThat(ZonedDateTime.from(start.getDate()).toLocalDateTime()).hasToString("2027-03-05T19:00");
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(ics("/api/events/" + id)).as("the same event renders the same way").isEqualTo(text);
    }

    @Test
    void the_feed_carries_the_events_of_a_city_and_category_with_one_timezone() throws Exception {
        String concert = fixtures.event(Fixtures.eventBody(city, venue, "Feed-Konzert", "2027-07-01T20:00:00+02:00", null));
        Map<String, Object> reading = Fixtures.eventBody(city, venue, "Feed-Lesung", "2027-07-02T20:00:00+02:00", null);
        reading.put("category", "lesung");
        String lesung = fixtures.event(reading);

        Calendar all = new CalendarBuilder().build(new StringReader(ics("/api/events/feed.ics?city=" + city)));
        Calendar concerts = new CalendarBuilder().build(new StringReader(
                ics("/api/events/feed.ics?city=" + city + "&category=konzert")));

        assertThat(all.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(all.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly(concert + "@stadtportal.de", lesung + "@stadtportal.de");
        assertThat(concerts.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly(concert + "@stadtportal.de");
        assertThat(concerts.<VEvent>getComponents("VEVENT")).allSatisfy(e -> assertThat(value(e, "STATUS"))
                .isEqualTo("CONFIRMED"));
    }

    private String ics(String uri) {
        return web.get().uri(uri).accept(CALENDAR).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(CALENDAR)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private WebTestClient.BodyContentSpec ld(String id) {
        return web.get().uri("/api/events/{id}", id).accept(LD_JSON).exchange().expectStatus().isOk().expectBody();
    }

    private void post(String id, String step, Object body) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/events/{id}/{step}", id, step)
                .headers(h -> h.setBearerAuth(Tokens.editor(city)));
        (body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
                .expectStatus().isOk();
    }
}
