package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alert rules in {@code ops/prometheus/alerts.yml} are valid, and each alert fires
 * and stays quiet as its unit tests in {@code alerts.test.yml} say, checked by Prometheus' own
 * {@code promtool} (Debian package {@code prometheus}; {@code .ci/run} installs it). Which metrics
 * the rules may query is {@code OperatorMetricsIT}'s business.
 */
class AlertRulesTest {

    static final Path PROMETHEUS = Path.of("..", "ops", "prometheus").toAbsolutePath().normalize();

    @Test
    void the_alert_rules_are_valid() {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void every_alert_fires_and_stays_quiet_as_its_unit_tests_say() {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void every_alert_has_unit_tests() throws IOException {
        Set<String> alerts = new TreeSet<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(PROMETHEUS.resolve("alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                alerts.add(String.valueOf(((Map<?, ?>) rule).get("alert")));
            }
        }
        Set<String> tested = new TreeSet<>();
        Map<String, Object> tests = new Yaml().load(Files.readString(PROMETHEUS.resolve("alerts.test.yml")));
        for (Object test : (List<?>) tests.get("tests")) {
            for (Object expectation : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
                Map<?, ?> expected = (Map<?, ?>) expectation;
                if (expected.get("exp_alerts") instanceof List<?> firing && !firing.isEmpty()) {
                    tested.add(String.valueOf(expected.get("alertname")));
                }
            }
        }

        assertThat(alerts).hasSizeGreaterThan(5);
        assertThat(tested).as("alerts with a unit test in which they fire").containsAll(alerts);
    }

    private static String promtool(String... arguments) {
        return promtool(PROMETHEUS, arguments);
    }

    /** Runs promtool in {@code directory} and answers its output; fails, with how to install it, when it is missing. */
    static String promtool(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed. It comes with Debian's package prometheus: "
                    + "sudo apt-get install prometheus (.ci/run installs it when missing)", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as("promtool " + String.join(" ", arguments) + "\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
