package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the build runs, so the compose file is checked against the build
 * instead: every service is there, listens where it says, sets only variables the service reads,
 * waits for healthy dependencies, and trusts the tokens of the composed identity provider.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("gateway-service", "content-service", "events-service",
            "search-service");
    /** Read through the platform's token configuration (stadtportal.security.jwt.*), not application.yml. */
    private static final Set<String> TOKEN_VARIABLES = Set.of("STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION",
            "STADTPORTAL_SECURITY_JWT_JWK_SET_URI", "STADTPORTAL_SECURITY_JWT_ISSUER", "STADTPORTAL_SECURITY_JWT_AUDIENCE");
    /**
     * Read by Boot itself ({@code logging.structured.format.console}) or by the platform's tracing
     * defaults (platform/web {@code ObservabilityDefaults}, identity-service's application.yml).
     */
    private static final Map<String, String> OBSERVABILITY = Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
            "TRACING_EXPORT_ENABLED", "true", "ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans",
            "TRACING_SAMPLING_PROBABILITY", "${TRACING_SAMPLING_PROBABILITY:-0.1}");
    /** Each service's management (actuator) port: {@code management.server.port: ${MANAGEMENT_PORT:<n>}}. */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway-service", 9080,
            "content-service", 9081, "events-service", 9082, "search-service", 9083);
    private static final String IDENTITY = "identity-service";
    /** The provider's JWK set as the other containers reach it: by its service name, inside the network. */
    private static final String JWKS = "http://" + IDENTITY + ":8085/oauth2/jwks";

    @Test
    @SuppressWarnings("unchecked")
    void every_service_logs_json_and_sends_a_share_of_its_traces_to_the_composed_zipkin() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> traced = new ArrayList<>(SERVICES);
        traced.add(IDENTITY);
        for (String name : traced) {
            assertThat((Map<String, Object>) services.get(name).get("environment")).as(name + " environment")
                    .containsAllEntriesOf(OBSERVABILITY);
        }
        assertThat(String.valueOf(services.get("zipkin").get("image"))).startsWith("openzipkin/zipkin:");
        assertThat((List<String>) services.get("zipkin").get("ports")).containsExactly("9411:9411");
        assertThat((List<String>) services.get("prometheus").get("command")).contains("--enable-feature=exemplar-storage");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_service_is_composed_with_variables_it_reads_ports_it_listens_on_and_healthy_dependencies()
            throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys(SERVICES.toArray(String[]::new))
                .containsKeys("content-db", "events-db", "search-db", "kafka", "prometheus", "grafana");
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            String settings = Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");

            assertThat(environment).as(name + " environment").isNotEmpty();
            environment.keySet().forEach(variable -> assertThat(TOKEN_VARIABLES.contains(variable)
                    || OBSERVABILITY.containsKey(variable) || settings.contains("${" + variable + ":") || settings.contains("${" + variable + "}"))
                    .as(name + " reads " + variable).isTrue());
            String port = String.valueOf(environment.get("PORT"));
            assertThat((List<String>) service.get("ports")).as(name + " ports").containsExactly(port + ":" + port);
            assertThat(((Map<String, Object>) service.get("build")).get("args")).isEqualTo(Map.of("SERVICE", name));

            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn).as(name + " depends_on").isNotEmpty();
            dependsOn.forEach((dependency, condition) -> {
                assertThat(condition.get("condition")).isIn("service_healthy", "service_completed_successfully");
                if (condition.get("condition").equals("service_healthy") && !SERVICES.contains(dependency)) {
                    assertThat(services.get(dependency)).as(dependency + " healthcheck").containsKey("healthcheck");
                }
            });
        }
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("HEALTHCHECK").contains("USER 10001").contains("MaxRAMPercentage")
                .contains("AS build").contains("localhost:${MANAGEMENT_PORT}/actuator/health/readiness");
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_checks_and_prometheus_use_each_services_management_port() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml")));
        Map<String, List<String>> scraped = new HashMap<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            Map<String, Object> config = (Map<String, Object>) job;
            assertThat(config.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<String> targets = new ArrayList<>();
            for (Object staticConfig : (List<?>) config.get("static_configs")) {
                targets.addAll((List<String>) ((Map<String, Object>) staticConfig).get("targets"));
            }
            scraped.put(String.valueOf(config.get("job_name")), targets);
        }

        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            String port = String.valueOf(environment.get("MANAGEMENT_PORT"));

            assertThat(port).as(name + " MANAGEMENT_PORT").isEqualTo(String.valueOf(MANAGEMENT_PORTS.get(name)));
            assertThat(port).as(name + " management port is not its API port").isNotEqualTo(String.valueOf(environment.get("PORT")));
            assertThat(scraped.get(name)).as(name + " scraped by Prometheus").containsExactly(name + ":" + port);
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertThat(healthcheck).as(name + " healthcheck").isNotNull();
            assertThat(String.join(" ", (List<String>) healthcheck.get("test")))
                    .as(name + " healthcheck").endsWith("http://localhost:" + port + "/actuator/health/readiness");
            assertThat((List<String>) service.get("ports")).as(name + " does not publish its management port")
                    .noneMatch(published -> published.contains(port));
            assertThat(environment).as(name + " environment")
                    .containsEntry("STADTPORTAL_SECURITY_JWT_AUDIENCE", "stadtportal")
                    .containsEntry("PUBLIC_BASE_URL", "${PUBLIC_BASE_URL:-http://localhost:8080}")
                    .containsKey("STADTPORTAL_SECURITY_JWT_ISSUER");
        }
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_identity_provider_is_composed_with_its_own_database_and_every_service_verifies_its_tokens()
            throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> identity = services.get(IDENTITY);
        assertThat(identity).as(IDENTITY).isNotNull();
        Map<String, Object> environment = (Map<String, Object>) identity.get("environment");
        String settings = Files.readString(ROOT.resolve(IDENTITY).resolve("src/main/resources/application.yml"));

        environment.keySet().forEach(variable -> assertThat(settings.contains("${" + variable + ":")
                || variable.equals("LOGGING_STRUCTURED_FORMAT_CONSOLE")).as(IDENTITY + " reads " + variable).isTrue());
        assertThat(((Map<String, Object>) identity.get("build")).get("args")).isEqualTo(Map.of("SERVICE", IDENTITY));
        assertThat(environment).containsEntry("IDENTITY_PORT", 8085).containsEntry("MANAGEMENT_PORT", 9085)
                .containsEntry("DATABASE_JDBC_URL", "jdbc:postgresql://identity-db:5432/identity")
                .containsEntry("STADTPORTAL_ADMIN_PASSWORD", "${STADTPORTAL_ADMIN_PASSWORD:-}")
                .containsEntry("STADTPORTAL_EDITOR_PASSWORD", "${STADTPORTAL_EDITOR_PASSWORD:-}");
        assertThat((List<String>) identity.get("ports")).as("published, as browsers sign in there")
                .containsExactly("8085:8085");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) identity.get("healthcheck")).get("test")))
                .endsWith("http://localhost:9085/actuator/health/readiness");
        assertThat((Map<String, Map<String, String>>) identity.get("depends_on"))
                .containsExactly(Map.entry("identity-db", Map.of("condition", "service_healthy")));
        assertThat((Map<String, Object>) services.get("identity-db").get("environment"))
                .containsEntry("POSTGRES_DB", "identity");
        assertThat(services.get("identity-db")).containsKey("healthcheck");

        Object issuer = environment.get("STADTPORTAL_IDENTITY_ISSUER");
        assertThat(String.valueOf(issuer)).as("the public address, not the container name")
                .contains("http://localhost:8085").doesNotContain(IDENTITY);
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat((Map<String, Object>) service.get("environment")).as(name + " trusts the composed provider")
                    .containsEntry("STADTPORTAL_SECURITY_JWT_JWK_SET_URI", JWKS)
                    .containsEntry("STADTPORTAL_SECURITY_JWT_ISSUER", issuer)
                    .doesNotContainKey("STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION");
            assertThat(service).as(name + " needs no key file").doesNotContainKey("volumes");
        }

        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml")));
        assertThat((List<Map<String, Object>>) prometheus.get("scrape_configs"))
                .anySatisfy(job -> assertThat(job).containsEntry("job_name", IDENTITY)
                        .containsEntry("metrics_path", "/actuator/prometheus")
                        .containsEntry("static_configs", List.of(Map.of("targets", List.of(IDENTITY + ":9085")))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_portal_signs_editors_in_at_the_composed_provider_and_is_the_one_proxy_the_gateway_believes()
            throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> portal = services.get("portal-web");
        Map<String, Object> environment = (Map<String, Object>) portal.get("environment");
        String settings = Files.readString(ROOT.resolve("portal-web/src/main/resources/application.yml"));
        environment.keySet().forEach(variable -> assertThat(settings.contains("${" + variable + ":")
                || variable.equals("LOGGING_STRUCTURED_FORMAT_CONSOLE")).as("portal-web reads " + variable).isTrue());

        Map<String, Object> identity = (Map<String, Object>) services.get(IDENTITY).get("environment");
        assertThat(environment).as("the browser is sent to the issuer the tokens name; codes are exchanged inside")
                .containsEntry("DESK_ISSUER", identity.get("STADTPORTAL_IDENTITY_ISSUER"))
                .containsEntry("DESK_IDENTITY_URL", "http://" + IDENTITY + ":8085");
        String secret = (String) environment.get("PORTAL_WEB_CLIENT_SECRET");
        assertThat((String) identity.get("PORTAL_WEB_CLIENT_SECRET")).as("the provider knows the portal's secret")
                .isEqualTo("{noop}" + secret);
        assertThat(identity).as("the desk's sign-in returns to the portal, which browsers reach through the gateway")
                .containsEntry("PORTAL_WEB_BASE_URL", environment.get("PUBLIC_BASE_URL"));

        // the gateway believes X-Forwarded-For from the portal's fixed address, and from nothing else by default
        String address = (String) ((Map<String, Map<String, Object>>) portal.get("networks")).get("default")
                .get("ipv4_address");
        Map<String, Object> network = (Map<String, Object>) ((Map<String, Object>) compose.get("networks")).get("default");
        String subnet = (String) ((List<Map<String, Object>>) ((Map<String, Object>) network.get("ipam")).get("config"))
                .get(0).get("subnet");
        assertThat(address).startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));
        assertThat((String) ((Map<String, Object>) services.get("gateway-service").get("environment")).get("TRUSTED_PROXIES"))
                .isEqualTo("${TRUSTED_PROXIES:-" + address + "/32}");
    }
}
