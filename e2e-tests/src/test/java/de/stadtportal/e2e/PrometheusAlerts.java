package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The alerts of the test platform's own Prometheus, as its API ({@code /api/v1/alerts}) answers
 * them: the repository's scrape configuration and rules, evaluated on the running services with
 * the rules' real thresholds and {@code for} durations ({@code LocalOperations}, as
 * {@code ./stadtportal up --ops} starts it). The drills at full size run with it and hold their
 * outage until their alert fires; at short size there is none ({@link ScrapedAlerts} instead).
 */
final class PrometheusAlerts {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofSeconds(5);

    private final String url;

    private PrometheusAlerts(String prometheusUrl) {
        this.url = prometheusUrl;
    }

    /** The running platform's Prometheus; it runs with the drills at full size. */
    static PrometheusAlerts ofRunningPlatform() {
        String url = RunningPlatform.prometheusUrl();
        assertThat(url).as("the test platform's Prometheus (it runs with -Dstadtportal.drills=full)").isNotNull();
        return new PrometheusAlerts(url);
    }

    /**
     * Where {@code alert} is in {@code state} ({@code pending} or {@code firing}) now: the label sets
     * of its alerts, narrowed to the labels named (none named: an empty set of labels per alert).
     */
    Set<Map<String, String>> in(String state, String alert, String... labels) {
        JsonNode answer = get("/api/v1/alerts");
        Set<Map<String, String>> where = new LinkedHashSet<>();
        for (JsonNode active : answer.path("data").path("alerts")) {
            if (alert.equals(active.path("labels").path("alertname").asString())
                    && state.equals(active.path("state").asString())) {
                Map<String, String> chosen = new LinkedHashMap<>();
                for (String label : labels) {
                    chosen.put(label, active.path("labels").path(label).asString());
                }
                where.add(chosen);
            }
        }
        return where;
    }

    /**
     * Waits until {@code alert} fires at least where {@code expected} says (label sets narrowed to
     * the labels they name) and answers how long after {@code since} it was seen firing there.
     */
    Duration awaitFiring(String alert, Set<Map<String, String>> expected, Instant since, Duration atMost) {
        String[] labels = expected.iterator().next().keySet().toArray(String[]::new);
        await().atMost(atMost).pollInterval(POLL).untilAsserted(() ->
                assertThat(in("firing", alert, labels)).as(alert + " firing").containsAll(expected));
        return Duration.between(since, Instant.now());
    }

    /**
     * Waits until Prometheus scrapes every target of the platform: an alert it evaluates on series it
     * cannot read says nothing. Names each target's last scrape error otherwise.
     */
    void awaitEveryTargetUp(Duration atMost) {
        await().atMost(atMost).pollInterval(POLL).untilAsserted(() -> {
            List<String> down = new ArrayList<>();
            for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
                if (!"up".equals(target.path("health").asString())) {
                    down.add(target.path("labels").path("job").asString() + ": " + target.path("health").asString()
                            + " " + target.path("lastError").asString());
                }
            }
            assertThat(down).as("targets Prometheus does not scrape").isEmpty();
        });
    }

    /** Waits until {@code alert} is neither pending nor firing anywhere. */
    void awaitQuiet(String alert, Duration atMost) {
        await().atMost(atMost).pollInterval(POLL).untilAsserted(() -> {
            assertThat(in("pending", alert)).as(alert + " pending").isEmpty();
            assertThat(in("firing", alert)).as(alert + " firing").isEmpty();
        });
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return Gateway.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A duration as an operator reads it: {@code 7 min 12 s}. */
    static String minutes(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }
}
