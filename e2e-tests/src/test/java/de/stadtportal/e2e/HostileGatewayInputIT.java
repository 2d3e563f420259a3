package de.stadtportal.e2e;

import static de.stadtportal.e2e.HostileRequests.answered;
import static de.stadtportal.e2e.HostileRequests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.e2e.HostileRequests.Hostile;
import de.stadtportal.launcher.LocalPlatform;
import java.util.List;
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
 * Malformed and hostile requests the gateway answers itself: its home aggregate of a city, and a
 * method its firewall refuses, judged by {@link HostileRequests}; afterwards the city is exactly as
 * it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileGatewayInputIT {

    private static final HostileRequests HOSTILE = HostileRequests.marked("feindtor");

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String c;
    private static JsonNode before;

    @BeforeAll
    static void aCity() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Feindstadt");
        c = city.slug();
        before = city.read("/api/cities/" + c);
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> every_hostile_request_gets_no_5xx_and_every_refusal_is_a_problem_document() {
        List<Hostile> corpus = corpus();
        System.out.println("HostileGatewayInputIT: " + corpus.size() + " hostile requests");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(6);
        return corpus.stream().map(hostile -> dynamicTest(HOSTILE.name(hostile, c),
                () -> HostileRequests.judge(hostile, gateway, issuer.admin())));
    }

    @Order(2)
    @Test
    void nothing_the_hostile_requests_carried_was_written() {
        assertThat(city.read("/api/cities/" + c)).isEqualTo(before);
    }

    private static List<Hostile> corpus() {
        String cityPath = "/api/cities/" + c;
        return List.of(
                refused("POST", cityPath + "/home", "POST on the home aggregate"),
                refused("DELETE", cityPath + "/home", "DELETE on the home aggregate"),
                refused("TRACE", cityPath, "TRACE on a city"),
                refused("GET", "/api/cities/%3Cscript%3E/home", "a script tag as city of the home"),
                refused("GET", "/api/cities/atlantis/home", "an unknown city's home"),
                answered("GET", cityPath + "/home", "an If-None-Match of garbage")
                        .header("If-None-Match", "W/\"\", garbage"));
    }
}
