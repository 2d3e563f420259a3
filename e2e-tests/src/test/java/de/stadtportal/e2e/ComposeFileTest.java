package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "STADTPORTAL_SECURITY_JWT_JWK_SET_URI", "STADTPORTAL_SECURITY_JWT_ISSUER",
            "STADTPORTAL_SECURITY_JWT_AUDIENCE");

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
                .contains("AS build");
    }
}
