package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard ({@code ops/grafana/dashboards/stadtportal.json}) is a dashboard an
 * operator can use: Grafana's classic dashboard model (no library offers Grafana's schema to a Java
 * build, it is CUE and TypeScript), variables to narrow it, rates over {@code $__rate_interval}, and
 * the latency panels lead to traces. That every metric it queries is exported is
 * {@code OperatorMetricsIT}'s business.
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "dashboards", "stadtportal.json")
            .toAbsolutePath().normalize();

    @Test
    void the_dashboard_follows_grafanas_dashboard_model() throws IOException {
        JsonNode dashboard = dashboard();
        assertThat(dashboard.path("uid").asString("")).isNotBlank();
        assertThat(dashboard.path("title").asString("")).isNotBlank();
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asString();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + title).isTrue();
            assertThat(panel.path("type").asString("")).as(title).isNotBlank();
            for (String field : List.of("x", "y", "w", "h")) {
                assertThat(panel.path("gridPos").path(field).isInt()).as(title + " gridPos." + field).isTrue();
            }
            assertThat(panel.path("gridPos").path("x").asInt() + panel.path("gridPos").path("w").asInt())
                    .as(title + " fits the 24 columns").isLessThanOrEqualTo(24);
            assertThat(panel.path("targets").isEmpty()).as(title + " has queries").isFalse();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asString("")).as(title + " datasource").isNotBlank();
                assertThat(target.path("expr").asString("")).as(title + " expr").isNotBlank();
                assertThat(target.path("refId").asString("")).as(title + " refId").isNotBlank();
            }
        }
        assertThat(ids).hasSizeGreaterThan(15);
    }

    @Test
    void an_operator_narrows_it_by_service_instance_and_route_and_every_rate_follows_the_scrape_interval()
            throws IOException {
        JsonNode dashboard = dashboard();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asString()));
        assertThat(variables).contains("service", "instance", "route");

        List<String> expressions = expressions(dashboard);
        assertThat(expressions).filteredOn(expr -> expr.contains("rate("))
                .isNotEmpty().allMatch(expr -> expr.contains("[$__rate_interval]"));
        assertThat(expressions).anyMatch(expr -> expr.contains("$service"))
                .anyMatch(expr -> expr.contains("$instance")).anyMatch(expr -> expr.contains("$route"));
    }

    @Test
    void it_shows_errors_per_route_cpu_dead_letters_the_outbox_age_and_reindex_progress() throws IOException {
        List<String> expressions = expressions(dashboard());
        assertThat(expressions)
                .anyMatch(expr -> expr.contains("by (routeId") && expr.contains("httpStatusCode=~\"5..\""))
                .anyMatch(expr -> expr.contains("by (routeId") && expr.contains("httpStatusCode=~\"4..\""))
                .anyMatch(expr -> expr.contains("status=\"429\""))
                .anyMatch(expr -> expr.contains("process_cpu_usage"))
                .anyMatch(expr -> expr.contains("stadtportal_consumer_dead_letters_total"))
                .anyMatch(expr -> expr.contains("stadtportal_consumer_records_total"))
                .anyMatch(expr -> expr.contains("stadtportal_outbox_oldest_age_seconds"))
                .anyMatch(expr -> expr.contains("stadtportal_search_reindex_progress"));
    }

    @Test
    void every_latency_panel_leads_to_traces() throws IOException {
        List<JsonNode> latency = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> {
            // the request-latency panels, whose histograms carry trace ids
            if (List.of("Latency p95 by service", "Gateway latency p95 by route").contains(panel.path("title").asString())) {
                latency.add(panel);
            }
        });
        assertThat(latency).hasSize(2);
        for (JsonNode panel : latency) {
            String title = panel.path("title").asString();
            assertThat(panel.path("targets").get(0).path("exemplar").asBoolean()).as(title + " shows exemplars").isTrue();
            assertThat(panel.path("fieldConfig").path("defaults").path("links").get(0).path("url").asString(""))
                    .as(title + " links its series to Zipkin").startsWith("${zipkin}/zipkin/");
        }
    }

    private static JsonNode dashboard() throws IOException {
        return Gateway.JSON.readTree(Files.readString(DASHBOARD));
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asString())));
        return expressions;
    }
}
