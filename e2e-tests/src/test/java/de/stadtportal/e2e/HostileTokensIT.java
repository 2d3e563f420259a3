package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged and foreign tokens against every write endpoint family, through the gateway. Each token
 * carries an admin's claims, so that only what is wrong with the token itself can make the platform
 * refuse it: another audience, none, another issuer, none, {@code alg: none}, HS256 signed with the
 * provider's public key, a stranger's signature, a key of its own in the header, an altered payload,
 * out of its time. Every answer must be 401 with the same problem detail, which tells a forger
 * nothing about what to change; afterwards the city the tokens aimed at must be exactly as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTokensIT {

    /** The one detail of every 401 (platform/web, TokenSecurityConfiguration). */
    private static final String DETAIL = "A valid bearer token is required";
    /** Pieces of the decoder's messages (Spring Security, Nimbus) that a 401 must not echo. */
    private static final List<String> DECODER_WORDS = List.of("Jwt", "JWT", "The aud claim", "The iss claim",
            "expired", "signature", "algorithm", "Malformed", "nbf", "HS256", "Unsupported", "decode");

    private static final AtomicInteger SENT = new AtomicInteger();
    private static int tokenCount;
    private static int endpointCount;

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String c;
    private static String venueId;
    private static String eventId;
    private static String published;
    private static String draft;
    private static String newCity;
    private static Snapshot before;

    @BeforeAll
    static void aCityWithOneOfEverything() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Truggold");
        c = city.slug();
        venueId = city.firstVenue("Falschmünzerhof");
        eventId = city.eventId("Falschgeld Abendkonzert", venueId);
        published = city.article("Falschgeld Chronik", "falschgeld-chronik", true);
        draft = city.article("Falschgeld Entwurf", "falschgeld-entwurf", false);
        newCity = "truggold-neu-" + CityOfItsOwn.letters(6);
        before = Snapshot.take();
    }

    @AfterAll
    static void printTheCount() {
        System.out.printf("HostileTokensIT: %d forged or foreign tokens x %d endpoints (every write family and the"
                + " protected read) = %d requests, all 401%n", tokenCount, endpointCount, SENT.get());
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> every_forged_or_foreign_token_is_401_on_every_write_endpoint_and_says_nothing_about_why() {
        Map<String, String> tokens = tokens();
        List<Write> endpoints = endpoints();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(14);
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(20);
        tokenCount = tokens.size();
        endpointCount = endpoints.size();
        return tokens.entrySet().stream().flatMap(token -> endpoints.stream().map(write -> dynamicTest(
                token.getKey() + " → " + write.method() + " " + write.name(),
                () -> refused(write, token.getValue(), token.getKey()))));
    }

    @Order(2)
    @Test
    void nothing_the_refused_tokens_asked_for_was_written() {
        assertThat(SENT).hasValueGreaterThan(0);
        assertThat(Snapshot.take()).isEqualTo(before);
        assertThat(gateway.send("GET", "/api/cities/" + newCity, issuer.admin(), null, Map.of()).status())
                .isEqualTo(404);
    }

    @Order(3)
    @Test
    void the_same_writes_with_a_genuine_admin_token_would_have_changed_the_city() {
        String path = "/api/cities/" + c + "/articles/" + published + "/publication";
        Gateway.Answer withdrawn = gateway.send("DELETE", path, issuer.admin(), null, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.raw().body()).isEqualTo(200);
        assertThat(Snapshot.take()).isNotEqualTo(before);
    }

    private static void refused(Write write, String token, String what) {
        SENT.incrementAndGet();
        Gateway.Answer[] answer = new Gateway.Answer[1];
        // a flood of bad tokens may meet the gateway's rate limit; a 429 says nothing about the token, so wait it out;
        // the token is forged on purpose, so only the answer is held to the API documents
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
            answer[0] = gateway.sendHostile(write.method(), write.path(), token, write.body().get(), write.headers().get());
            return answer[0].status() != 429;
        });
        Gateway.Answer refusal = answer[0];
        assertThat(refusal.status()).as("%s %s with %s: %s", write.method(), write.path(), what, refusal.raw().body())
                .isEqualTo(401);
        assertThat(refusal.contentType()).startsWith("application/problem+json");
        assertThat(refusal.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(refusal.body().path("status").asInt()).isEqualTo(401);
        assertThat(refusal.body().path("detail").asString()).isEqualTo(DETAIL);
        // the instance echoes the path, whose random slug may spell a decoder word ("anbfwt"); the rest must not
        ObjectNode said = (ObjectNode) refusal.body().deepCopy();
        assertThat(said.remove("instance").asString()).isEqualTo(write.path().split("\\?")[0]);
        assertThat(said.toString()).as("the 401 for %s", what).doesNotContain(DECODER_WORDS);
    }

    // ---- the tokens: each is an admin's, and each has one thing wrong with it

    private static Map<String, String> tokens() {
        byte[] pem = issuer.publicKeyPem();
        String genuineEditor = issuer.editorOf(c);
        String adminPayload = issuer.admin().split("\\.")[1];
        String[] editorParts = genuineEditor.split("\\.");

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("another audience", issuer.adminWith(claims -> claims.audience("another-platform")));
        tokens.put("audiences without the platform", issuer.adminWith(claims -> claims.audience(
                List.of("stadtportal-admin", "https://stadtportal.local"))));
        tokens.put("no audience", issuer.adminWith(claims -> claims.audience((List<String>) null)));
        tokens.put("another issuer", issuer.adminWith(claims -> claims.issuer("https://issuer.example.org/")));
        tokens.put("an issuer that differs by a slash", issuer.adminWith(claims -> claims.issuer(
                issuer.issuer() + "/")));
        tokens.put("no issuer", issuer.adminWith(claims -> claims.issuer(null)));
        tokens.put("expired", issuer.adminWith(claims -> claims
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))));
        tokens.put("not yet valid", issuer.adminWith(claims -> claims
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));
        tokens.put("alg none", issuer.unsignedAdmin());
        tokens.put("HS256 with the public key file as secret", issuer.hmacSignedAdmin(pem));
        tokens.put("HS256 with the public key's DER bytes as secret", issuer.hmacSignedAdmin(der(pem)));
        tokens.put("a stranger's signature", issuer.strangerSignedAdmin());
        tokens.put("an editor's signature under an admin's claims", editorParts[0] + "." + adminPayload + "."
                + editorParts[2]);
        tokens.put("no signature", editorParts[0] + "." + adminPayload + ".");
        tokens.put("a header naming HS256 over an RS256 signature", base64("{\"alg\":\"HS256\"}") + "."
                + editorParts[1] + "." + editorParts[2]);
        tokens.put("garbage", "eyJ" + CityOfItsOwn.letters(40));
        return tokens;
    }

    private static byte[] der(byte[] pem) {
        String body = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        try {
            // the bytes are a key the platform's own code would read back: make sure the test forges with the real one
            KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return der;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the write endpoints, each family of SPEC §3 once; every write would change the snapshot

    record Write(String method, String name, String path, Supplier<Object> body, Supplier<Map<String, String>> headers) {
    }

    private static List<Write> endpoints() {
        String cityPath = "/api/cities/" + c;
        String articles = cityPath + "/articles";
        String article = articles + "/" + published;
        String event = "/api/events/" + eventId;
        String venue = "/api/venues/" + venueId;
        ZonedDateTime start = ZonedDateTime.now().plusDays(12).withHour(20).withMinute(0).withSecond(0).withNano(0);
        Map<String, Object> rescheduling = Map.of("start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "end", start.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));

        List<Write> writes = new ArrayList<>();
        writes.add(new Write("PUT", "/api/cities/{new city}", "/api/cities/" + newCity, () -> Map.of("name", "Neu",
                "claim", "Gefälscht", "intro", "Hier wohnt niemand.", "facts", Map.of()), Map::of));
        writes.add(new Write("PUT", "/api/cities/{city}", cityPath,
                () -> Map.of("name", "Truggold", "claim", "Gefälscht"), () -> ifMatch(cityPath)));
        writes.add(new Write("POST", "/api/cities/{city}/articles", articles,
                () -> city.article("Gefälschter Artikel", "gefaelscht-" + CityOfItsOwn.letters(6)), Map::of));
        writes.add(new Write("PUT", "/api/cities/{city}/articles/{slug}", article,
                () -> city.article("Gefälschte Chronik", published), () -> ifMatch(article)));
        writes.add(new Write("POST", "/api/cities/{city}/articles/{slug}/publication",
                articles + "/" + draft + "/publication", Map::of, Map::of));
        writes.add(new Write("DELETE", "/api/cities/{city}/articles/{slug}/publication", article + "/publication",
                () -> null, Map::of));
        writes.add(new Write("DELETE", "/api/cities/{city}/articles/{slug}", article, () -> null, Map::of));
        writes.add(new Write("PUT", "/api/cities/{city}/highlights", cityPath + "/highlights",
                () -> CityOfItsOwn.carousel("Gefälscht"), () -> ifMatch(cityPath + "/highlights")));
        writes.add(new Write("POST", "/api/events", "/api/events", () -> city.event("Gefälschtes Konzert", venueId),
                Map::of));
        writes.add(new Write("PUT", "/api/events/{id}", event, () -> city.event("Gefälschter Abend", venueId),
                () -> ifMatch(event)));
        for (String step : List.of("cancellation", "postponement", "sold-out")) {
            writes.add(new Write("POST", "/api/events/{id}/" + step, event + "/" + step, Map::of, Map::of));
        }
        writes.add(new Write("POST", "/api/events/{id}/rescheduling", event + "/rescheduling", () -> rescheduling,
                Map::of));
        writes.add(new Write("DELETE", "/api/events/{id}", event, () -> null, Map::of));
        writes.add(new Write("POST", "/api/venues", "/api/venues", () -> city.venue("Gefälschter Saal"), Map::of));
        writes.add(new Write("PUT", "/api/venues/{id}", venue, () -> city.venue("Gefälschter Hof"),
                () -> ifMatch(venue)));
        writes.add(new Write("DELETE", "/api/venues/{id}", venue, () -> null, Map::of));
        writes.add(new Write("POST", "/api/search/reindex", "/api/search/reindex", () -> null, Map::of));
        writes.add(new Write("GET", "/api/cities/{city}/articles/{slug}/revisions (protected read)",
                article + "/revisions", () -> null, Map::of));
        return writes;
    }

    private static Map<String, String> ifMatch(String path) {
        return Map.of("If-Match", city.etag(path));
    }

    /** What any of the writes would change, read back as an admin. */
    record Snapshot(JsonNode portrait, JsonNode article, JsonNode draftArticle, List<String> articles, JsonNode highlights,
            JsonNode event, List<String> events, JsonNode venue, List<String> venues, long reindexGeneration) {

        static Snapshot take() {
            String cityPath = "/api/cities/" + c;
            return new Snapshot(
                    city.read(cityPath),
                    city.read(cityPath + "/articles/" + published),
                    city.read(cityPath + "/articles/" + draft),
                    ids(city.read(cityPath + "/articles?limit=100"), "id"),
                    city.read(cityPath + "/highlights"),
                    city.read("/api/events/" + eventId),
                    ids(city.read("/api/events?city=" + c + "&limit=100"), "eventId"),
                    city.read("/api/venues/" + venueId),
                    ids(city.read("/api/venues?city=" + c + "&limit=100"), "id"),
                    city.read("/api/search/reindex").path("generation").asLong());
        }

        private static List<String> ids(JsonNode page, String field) {
            List<String> ids = new ArrayList<>();
            page.path("items").forEach(item -> ids.add(item.path(field).asString()));
            return ids;
        }
    }
}
