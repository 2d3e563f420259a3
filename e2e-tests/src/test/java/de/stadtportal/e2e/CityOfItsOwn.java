package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * A city made for one test class, with writers' helpers for its articles, venues and events. What
 * a class counts in it is moved by nobody else (the fault drills write to Bochum), so "nothing was
 * written" can be checked by counting. Every resource is made by an admin through the gateway.
 */
final class CityOfItsOwn {

    private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Gateway gateway;
    private final PlatformIssuer issuer;
    private final String slug;

    private CityOfItsOwn(Gateway gateway, PlatformIssuer issuer, String slug) {
        this.gateway = gateway;
        this.issuer = issuer;
        this.slug = slug;
    }

    /**
     * Creates the city and waits until the events service has learnt of it from Kafka, which it
     * needs before it takes venues there.
     *
     * @return the city and, as a side effect of the wait, its first venue
     */
    static CityOfItsOwn create(Gateway gateway, PlatformIssuer issuer, String name) {
        String slug = name.toLowerCase() + "-" + letters(6);
        Gateway.Answer created = gateway.send("PUT", "/api/cities/" + slug, issuer.admin(), Map.of(
                "name", name, "claim", "Eine Stadt nur für Tests", "intro", "Hier wohnt niemand.",
                "facts", Map.of("Einwohner", "0")), Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return new CityOfItsOwn(gateway, issuer, slug);
    }

    String slug() {
        return slug;
    }

    /** A venue in this city, retried until the events service knows the city (422 until then). */
    String firstVenue(String name) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Gateway.Answer venue = gateway.send("POST", "/api/venues", issuer.admin(), venue(name), Map.of());
            assertThat(venue.status()).as(venue.raw().body()).isEqualTo(201);
            id[0] = venue.body().get("id").asString();
        });
        return id[0];
    }

    String venueId(String name) {
        return created("POST", "/api/venues", venue(name)).get("id").asString();
    }

    Map<String, Object> venue(String name) {
        Map<String, Object> venue = new LinkedHashMap<>();
        venue.put("city", slug);
        venue.put("name", name);
        venue.put("address", Map.of("street", name + "weg 1", "postalCode", "44787", "locality", "Teststadt"));
        venue.put("geo", Map.of("lat", 51.48, "lon", 7.22));
        venue.put("accessibility", List.of("wheelchair"));
        venue.put("url", "https://example.org/venue");
        return venue;
    }

    String eventId(String title, String venueId) {
        return created("POST", "/api/events", event(title, venueId)).get("id").asString();
    }

    /** An event ten days ahead, inside the default window of {@code GET /api/events}. */
    /** Where a calendar of events at {@code venueId} is imported into this city ({@code POST}). */
    String importPath(String venueId) {
        return "/api/events/import?city=" + slug + "&venueId=" + venueId + "&category=konzert";
    }

    /**
     * An iCalendar file as a venue's programme export holds it, for {@code POST /api/events/import}:
     * one VEVENT per title, its UID made of the title, at the time {@link #event} chooses.
     */
    static Gateway.Text calendar(String... titles) {
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(10).withHour(19).withMinute(0)
                .withSecond(0).withNano(0);
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stadtportal//e2e//DE\r\n");
        for (String title : titles) {
            ics.append("BEGIN:VEVENT\r\nUID:").append(title.replaceAll("\\W", "-")).append("@programm.example\r\n")
                    .append("DTSTAMP:20270101T120000Z\r\nSUMMARY:").append(title).append("\r\n")
                    .append("DTSTART;TZID=Europe/Berlin:").append(ICS_TIME.format(start)).append("\r\n")
                    .append("DTEND;TZID=Europe/Berlin:").append(ICS_TIME.format(start.plusHours(2))).append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        return new Gateway.Text("text/calendar", ics.append("END:VCALENDAR\r\n").toString());
    }

    Map<String, Object> event(String title, String venueId) {
        ZonedDateTime start = ZonedDateTime.now().plusDays(10).withHour(19).withMinute(0).withSecond(0).withNano(0);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("city", slug);
        event.put("venueId", venueId);
        event.put("title", title);
        event.put("description", title + ": ein Abend für Neugierige.");
        event.put("category", "konzert");
        event.put("start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        event.put("end", start.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        event.put("price", Map.of("free", false, "min", 12.0, "max", 20.0, "currency", "EUR"));
        event.put("ticketUrl", "https://example.org/tickets");
        event.put("language", "de");
        event.put("tags", List.of("test"));
        return event;
    }

    /** A draft with the given slug; published as well when asked. */
    String article(String title, String articleSlug, boolean published) {
        String created = created("POST", "/api/cities/" + slug + "/articles", article(title, articleSlug))
                .get("slug").asString();
        if (published) {
            Gateway.Answer publication = gateway.send("POST", "/api/cities/" + slug + "/articles/" + created
                    + "/publication", issuer.admin(), Map.of(), Map.of());
            assertThat(publication.status()).as(publication.raw().body()).isEqualTo(200);
        }
        return created;
    }

    Map<String, Object> article(String title, String articleSlug) {
        return NewArticle.of(title, articleSlug);
    }

    /** A carousel of one teaser linking an external page. */
    static Map<String, Object> carousel(String title) {
        return Map.of("items", List.of(Map.of(
                "title", title,
                "link", Map.of("kind", "url", "target", "https://example.org/" + title.toLowerCase()),
                "image", Map.of("url", "https://example.org/teaser.jpg", "alt", "Ein Teaser"))));
    }

    /** The ETag of a resource as it is now. */
    String etag(String path) {
        Gateway.Answer answer = gateway.send("GET", path, issuer.admin(), null, Map.of());
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(200);
        return answer.raw().headers().firstValue("ETag").orElseThrow();
    }

    JsonNode read(String path) {
        Gateway.Answer answer = gateway.send("GET", path, issuer.admin(), null, Map.of());
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode created(String method, String path, Object body) {
        Gateway.Answer answer = gateway.send(method, path, issuer.admin(), body, Map.of());
        assertThat(answer.status()).as(method + " " + path + ": " + answer.raw().body()).isEqualTo(201);
        return answer.body();
    }

    /** Lower-case letters only, so that search reads a marker as one word. */
    static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
