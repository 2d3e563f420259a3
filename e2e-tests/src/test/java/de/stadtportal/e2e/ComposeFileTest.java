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
 * and waits for healthy dependencies.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("gateway-service", "content-service", "events-service",
            "search-service");
    /** Read through the platform's token configuration (stadtportal.security.jwt.*), not application.yml. */
    private static final Set<String> TOKEN_VARIABLES = Set.of("STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION",
            "STADTPORTAL_SECURITY_JWT_JWK_SET_URI", "STADTPORTAL_SECURITY_JWT_ISSUER", "STADTPORTAL_SECURITY_JWT_AUDIENCE");
    /** Each service's management (actuator) port: {@code management.server.port: ${MANAGEMENT_PORT:<n>}}. */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway-service", 9080,
            "content-service", 9081, "events-service", 9082, "search-service", 9083);

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
                    || settings.contains("${" + variable + ":") || settings.contains("${" + variable + "}"))
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
        assertThat((Map<String, Object>) services.get("gateway-service").get("environment"))
                .containsEntry("TRUSTED_PROXIES", "");
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }
}
