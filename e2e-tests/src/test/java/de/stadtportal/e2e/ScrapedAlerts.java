package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drill's check that its alert fires: the drill scrapes the series of one metric from the
 * running services (their {@code /actuator/prometheus}, as Prometheus would), and the repository's
 * alert rules ({@code ops/prometheus/alerts.yml}) are evaluated on exactly those samples by
 * {@code promtool test rules}: each scrape is one sample of the test's series, a minute apart.
 * So the check says that the rules turn the series the drill produced into the alert, not how soon:
 * a drill's seconds become minutes here, which suits a counter's {@code increase()} but would meet
 * a {@code for} duration the drill never waited.
 * <p>
 * That is why an outage alert is checked here only up to the state the drill really reached:
 * {@link #scrapeUp} records {@code up} as Prometheus does (1 for a scrape that answered, 0 for one
 * that failed), and one failed scrape of a killed service makes {@code ServiceDown} <em>pending</em>
 * ({@link #assertActiveFor}). Its {@code for: 1m} is time that a short drill does not spend, so
 * <em>firing</em> is checked by the drills at full size, against the local Prometheus with the
 * rules' real durations ({@link PrometheusAlerts}), and by the rules' unit tests.
 */
final class ScrapedAlerts {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final String metric;
    private final List<Map<String, String>> scrapes = new ArrayList<>();

    /** @param metric the exported name of the series, suffix included ({@code stadtportal_consumer_dead_letters_total}) */
    ScrapedAlerts(String metric) {
        this.metric = metric;
    }

    /** The last sample taken again (waiting for a counter to arrive, for example). */
    ScrapedAlerts rescrape(List<String> managementUrls) {
        scrapes.remove(scrapes.size() - 1);
        return scrape(managementUrls);
    }

    /** One sample of every series of the metric that the services at these management URLs export now. */
    ScrapedAlerts scrape(List<String> managementUrls) {
        Map<String, String> sample = new TreeMap<>();
        for (String url : managementUrls) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("scrape of " + url).isEqualTo(200);
                response.body().lines().filter(line -> line.startsWith(metric + "{"))
                        .forEach(line -> sample.put(line.substring(0, line.lastIndexOf(' ')),
                                line.substring(line.lastIndexOf(' ') + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(sample).as(metric + " exported by " + managementUrls).isNotEmpty();
        scrapes.add(sample);
        return this;
    }

    /** The labels of every series whose value grew from the first scrape to the last. */
    Set<Map<String, String>> grown() {
        Set<Map<String, String>> grown = new LinkedHashSet<>();
        Map<String, String> first = scrapes.get(0);
        scrapes.get(scrapes.size() - 1).forEach((series, value) -> {
            if (Double.parseDouble(value) > Double.parseDouble(first.getOrDefault(series, "0"))) {
                grown.add(labels(series));
            }
        });
        return grown;
    }

    /**
     * One sample of {@code up} for each job's target, as Prometheus records it: 1 when the scrape of
     * its metrics endpoint answered 200, 0 when it failed (refused, timed out or answered otherwise).
     *
     * @param managementUrlsByJob each job ({@code search-service}) and the management URL of its target
     */
    ScrapedAlerts scrapeUp(Map<String, String> managementUrlsByJob) {
        assertThat(metric).as("a sample of up").isEqualTo("up");
        Map<String, String> sample = new TreeMap<>();
        managementUrlsByJob.forEach((job, url) -> sample.put("up{instance=\"" + URI.create(url).getAuthority()
                + "\", job=\"" + job + "\"}", answers(url) ? "1" : "0"));
        scrapes.add(sample);
        return this;
    }

    private static boolean answers(String managementUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts, with promtool, that {@code alert} is firing at the last scrape for exactly the given
     * label sets (by the labels they name), and nowhere else.
     */
    void assertFiresFor(String alert, Set<Map<String, String>> expected) {
        assertActiveFor(alert, "firing", expected);
    }

    /**
     * Asserts, with promtool, that {@code alert} is in {@code state} ({@code pending} or
     * {@code firing}) at the last scrape for exactly the given label sets (by the labels they name),
     * and nowhere else.
     */
    void assertActiveFor(String alert, String state, Set<Map<String, String>> expected) {
        assertThat(expected).as("where " + alert + " should be " + state).isNotEmpty();
        Set<String> keys = expected.iterator().next().keySet();
        StringBuilder test = new StringBuilder()
                .append("rule_files:\n  - ").append(AlertRulesTest.PROMETHEUS.resolve("alerts.yml")).append('\n')
                .append("evaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n");
        Set<String> series = new LinkedHashSet<>();
        scrapes.forEach(sample -> series.addAll(sample.keySet()));
        for (String name : series) {
            List<String> values = new ArrayList<>();
            scrapes.forEach(sample -> values.add(sample.getOrDefault(name, "_")));
            test.append("      - series: '").append(name).append("'\n        values: '")
                    .append(String.join(" ", values)).append("'\n");
        }
        test.append("    promql_expr_test:\n      - expr: 'count by (").append(String.join(", ", keys))
                .append(") (ALERTS{alertname=\"").append(alert).append("\", alertstate=\"").append(state).append("\"})'\n")
                .append("        eval_time: ").append(scrapes.size() - 1).append("m\n        exp_samples:\n");
        for (Map<String, String> labels : expected) {
            StringBuilder selector = new StringBuilder();
            labels.forEach((key, value) -> selector.append(selector.length() == 0 ? "" : ", ")
                    .append(key).append("=\"").append(value).append('"'));
            test.append("          - labels: '{").append(selector).append("}'\n            value: 1\n");
        }
        try {
            Path directory = Files.createDirectories(Path.of("target", "scraped-alerts").toAbsolutePath());
            Path file = directory.resolve(alert + "-" + System.nanoTime() + ".test.yml");
            Files.writeString(file, test);
            assertThat(AlertRulesTest.promtool(directory, "test", "rules", file.getFileName().toString()))
                    .as(test.toString()).contains("SUCCESS");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The given labels of a series, in the order named. */
    static Map<String, String> labels(String series, String... only) {
        Map<String, String> all = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(series);
        while (label.find()) {
            all.put(label.group(1), label.group(2));
        }
        if (only.length == 0) {
            return all;
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String key : only) {
            chosen.put(key, all.get(key));
        }
        return chosen;
    }
}
