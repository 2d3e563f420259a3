package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Actuator is for operators: it answers on each service's management port only, never on a public
 * port and never through the gateway; there health shows its components, the probe groups are the
 * same in every service, and no operation changes anything, whoever asks.
 */
class ActuatorExposureIT {

    private static final List<String> ACTUATOR_PATHS = List.of("/actuator", "/actuator/health",
            "/actuator/health/readiness", "/actuator/health/liveness", "/actuator/prometheus", "/actuator/info",
            "/actuator/env", "/actuator/gateway/routes", "/actuator/loggers", "/actuator/heapdump");

    /** Services without a database or broker of their own: their readiness is their own state alone. */
    private static final List<String> WITHOUT_STORE = List.of("gateway-service", "portal-web");
    /** The sign-in provider: a servlet application on JDBC, with no broker. */
    private static final String PROVIDER = "identity-service";
    /** The one service that checks no tokens: it has nothing to change, so any operation is simply not there. */
    private static final String PORTAL = "portal-web";

    private static LocalPlatform platform;
    private static PlatformIssuer issuer;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
        issuer = PlatformIssuer.of(RunningPlatform.get());
    }

    @Test
    void neither_the_gateway_nor_any_service_answers_actuator_on_its_public_port() {
        int asked = 0;
        for (String service : LocalPlatform.SERVICES) {
            String base = platform.serviceUrl(service);
            Gateway client = Gateway.outsideTheApi(base);
            for (String path : ACTUATOR_PATHS) {
                for (String token : new String[] {null, issuer.admin()}) {
                    Gateway.Answer answer = client.send("GET", path, token, null, Map.of());
                    if (service.equals(PROVIDER)) {
                        // a sign-in site: every page it does not have sends the browser to its login page
                        assertThat(answer.status()).as("GET %s%s", base, path).isEqualTo(302);
                        assertThat(answer.raw().headers().firstValue("Location").orElse(""))
                                .as("GET %s%s", base, path).endsWith("/login");
                    } else {
                        assertThat(answer.status()).as("GET %s%s", base, path).isEqualTo(404);
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    }
                    asked++;
                }
            }
        }
        System.out.printf("ActuatorExposureIT: %d actuator reads on the public ports, none answered%n", asked);
    }

    @Test
    void on_the_management_port_health_shows_its_components_and_the_probe_groups_agree() {
        for (String service : LocalPlatform.SERVICES) {
            Gateway management = Gateway.outsideTheApi(platform.managementUrl(service));
            JsonNode health = management.get("/actuator/health").body();
            assertThat(health.path("status").asString()).as(service).isEqualTo("UP");
            assertThat(health.path("components").has("diskSpace")).as(service + " shows its components").isTrue();

            JsonNode liveness = management.get("/actuator/health/liveness").body();
            assertThat(names(liveness.path("components"))).as(service + " liveness").containsExactly("livenessState");

            JsonNode readiness = management.get("/actuator/health/readiness").body();
            assertThat(readiness.path("status").asString()).isEqualTo("UP");
            assertThat(names(readiness.path("components"))).as(service + " readiness").containsExactlyInAnyOrderElementsOf(
                    WITHOUT_STORE.contains(service) ? List.of("readinessState")
                            : service.equals(PROVIDER) ? List.of("readinessState", "db")
                            : List.of("readinessState", "r2dbc", "kafka"));
            if (!WITHOUT_STORE.contains(service) && !service.equals(PROVIDER)) {
                assertThat(health.path("components").path("r2dbc").path("details").path("database").asString())
                        .isEqualTo("PostgreSQL");
            }
            assertThat(management.send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain"))
                    .status()).as(service + " metrics").isEqualTo(200);
        }
    }

    @Test
    void no_actuator_operation_changes_anything_with_an_editor_token_nor_even_with_an_admin_token() {
        Gateway gateway = Gateway.outsideTheApi(platform.managementUrl("gateway-service"));
        int routes = gateway.get("/actuator/gateway/routes").body().size();
        assertThat(routes).isGreaterThanOrEqualTo(3);
        String editor = issuer.editorOf("bochum");

        for (String service : LocalPlatform.SERVICES) {
            Gateway management = Gateway.outsideTheApi(platform.managementUrl(service));
            for (String[] change : List.of(
                    new String[] {"POST", "/actuator/shutdown"},
                    new String[] {"POST", "/actuator/loggers/ROOT"},
                    new String[] {"POST", "/actuator/gateway/refresh"},
                    new String[] {"POST", "/actuator/gateway/routes/elsewhere"},
                    new String[] {"DELETE", "/actuator/gateway/routes/content"},
                    new String[] {"DELETE", "/actuator/caches"})) {
                Map<String, Object> body = Map.of("configuredLevel", "TRACE", "uri", "http://evil.example");
                Gateway.Answer asEditor = management.send(change[0], change[1], editor,
                        change[0].equals("DELETE") ? null : body, Map.of());
                if (service.equals(PORTAL)) {
                    assertThat(asEditor.status()).as("%s %s %s as an editor", service, change[0], change[1])
                            .isBetween(400, 499);
                } else {
                    assertThat(asEditor.status()).as("%s %s %s as an editor", service, change[0], change[1])
                            .isEqualTo(403);
                }
                Gateway.Answer asAdmin = management.send(change[0], change[1], issuer.admin(),
                        change[0].equals("DELETE") ? null : body, Map.of());
                assertThat(asAdmin.status()).as("%s %s %s as an admin", service, change[0], change[1])
                        .isBetween(400, 499);
            }
            assertThat(management.get("/actuator/health").status()).as(service + " still up").isEqualTo(200);
        }
        assertThat(gateway.get("/actuator/gateway/routes").body().size()).isEqualTo(routes);
        assertThat(new Gateway(platform.gatewayUrl()).get("/api/cities/bochum").status()).isEqualTo(200);
    }

    private static List<String> names(JsonNode components) {
        return components.propertyNames().stream().toList();
    }
}
