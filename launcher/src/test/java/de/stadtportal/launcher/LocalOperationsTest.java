package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOperationsTest {

    private static final Path OPS = Path.of("..", "ops", "prometheus").toAbsolutePath().normalize();

    @Test
    void every_instance_of_a_scaled_service_is_a_target_of_its_job() throws IOException {
        Map<String, List<Integer>> ports = Map.of("content-service", List.of(19081, 19181));

        String local = LocalOperations.scrapeConfiguration(Files.readString(OPS.resolve("prometheus.yml")),
                OPS.resolve("alerts.yml"), ports);

        assertThat(local).contains("targets: [\"localhost:19081\", \"localhost:19181\"]");
    }

    @Test
    void the_local_prometheus_scrapes_the_repositorys_jobs_at_this_machines_management_ports() throws IOException {
        Map<String, List<Integer>> ports = Map.of("gateway-service", List.of(19080),
                "content-service", List.of(19081), "events-service", List.of(19082), "search-service", List.of(19083),
                "identity-service", List.of(19085), "portal-web", List.of(19084));

        String local = LocalOperations.scrapeConfiguration(Files.readString(OPS.resolve("prometheus.yml")),
                OPS.resolve("alerts.yml"), ports);

        ports.forEach((service, port) -> assertThat(local)
                .contains("job_name: " + service)
                .contains("\"localhost:" + port.get(0) + "\""));
        assertThat(local).doesNotContain("-service:90").doesNotContain("portal-web:9084")
                .contains(OPS.resolve("alerts.yml").toString()).doesNotContain("/etc/prometheus");
    }

    @Test
    void json_logs_are_asked_of_every_service_through_boots_own_switch() {
        assertThat(new LocalOperations().environment()).isEmpty();
        assertThat(new LocalOperations().jsonLogs().environment())
                .containsExactly(Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
    }
}
