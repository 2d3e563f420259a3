package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOperationsTest {

    private static final Path OPS = Path.of("..", "ops", "prometheus").toAbsolutePath().normalize();

    @Test
    void the_local_prometheus_scrapes_the_repositorys_jobs_at_this_machines_management_ports() throws IOException {
        Map<String, Integer> ports = Map.of("gateway-service", 19080, "content-service", 19081,
                "events-service", 19082, "search-service", 19083, "identity-service", 19085, "portal-web", 19084);

        String local = LocalOperations.scrapeConfiguration(Files.readString(OPS.resolve("prometheus.yml")),
                OPS.resolve("alerts.yml"), ports);

        ports.forEach((service, port) -> assertThat(local)
                .contains("job_name: " + service)
                .contains("\"localhost:" + port + "\""));
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
