package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code ops/} may only query metrics that
 * the running services really export; otherwise an operator stares at an empty panel at 3 a.m.
 */
class OperatorMetricsIT {

    private static final Path OPS = Path.of("..", "ops").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:http|jvm|stadtportal|kafka|r2dbc|spring|resilience4j|process|system)_[a-zA-Z0-9_]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void every_metric_the_dashboard_and_the_alerts_query_is_exported() throws IOException {
        LocalPlatform platform = RunningPlatform.get();
        Gateway gateway = new Gateway(platform.gatewayUrl());
        Set<String> queried = queriedMetrics();
        assertThat(queried).hasSizeGreaterThan(10);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            // traffic through every route, so per-route and per-breaker meters exist
            gateway.get("/api/cities/bochum/home");
            gateway.get("/api/search?q=Konzert");
            gateway.get("/api/events?city=bochum");
            gateway.get("/api/venues?city=bochum");
            Set<String> exported = new TreeSet<>();
            for (String service : List.of("gateway-service", "content-service", "events-service", "search-service")) {
                exported.addAll(exported(platform.managementUrl(service)));
            }
            assertThat(exported).containsAll(queried);
        });
    }

    /**
     * Prometheus links a latency bucket to a trace: the OpenMetrics scrape carries the trace id of a
     * sampled request on the request-latency histogram (of the reactive gateway and of the servlet
     * identity provider alike).
     */
    @Test
    void the_latency_histograms_carry_trace_ids_as_exemplars() {
        LocalPlatform platform = RunningPlatform.get();
        Gateway gateway = new Gateway(platform.gatewayUrl());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            gateway.get("/api/events?city=bochum");
            HTTP.send(HttpRequest.newBuilder(URI.create(platform.issuer() + "/.well-known/openid-configuration"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            for (String service : List.of("gateway-service", "identity-service")) {
                HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(
                        platform.managementUrl(service) + "/actuator/prometheus"))
                        .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(scrape.body().lines()).as(service + "'s latency buckets with an exemplar")
                        .anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                                && line.matches(".* # \\{.*trace_id=\"[0-9a-f]{32}\".*"));
                // OpenMetrics allows exemplars on buckets and counters only; Prometheus 2.x refuses a whole
                // scrape with one elsewhere (a summary's _count, say): every target would be down
                assertThat(scrape.body().lines()).as(service + ": exemplars only where Prometheus takes them")
                        .filteredOn(line -> !line.startsWith("#") && line.contains(" # {"))
                        .allMatch(line -> line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(_bucket|_total)[{ ].*"));
            }
        });
    }

    private static Set<String> queriedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonNode dashboard = Gateway.JSON.readTree(Files.readString(OPS.resolve("grafana/dashboards/stadtportal.json")));
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> collect(target.path("expr").asString(), names)));
        // the variables' choices come from metrics too
        dashboard.path("templating").path("list").forEach(variable ->
                collect(variable.path("query").path("query").asString(""), names));
        Map<String, Object> rules = new Yaml().load(Files.readString(OPS.resolve("prometheus/alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                collect(String.valueOf(((Map<?, ?>) rule).get("expr")), names);
            }
        }
        return names;
    }

    private static void collect(String expression, Set<String> names) {
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }

    private static Set<String> exported(String managementUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(line.substring(0, end > 0 ? end : line.indexOf(' ')));
            }
        }
        return names;
    }
}
