package de.stadtportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are written once, in {@code ops/prometheus/alerts.yml} (which Prometheus outside
 * Kubernetes loads and {@code promtool} tests). kustomize cannot wrap a file of another directory into
 * an object, so {@code components/monitoring/prometheus-rule.yaml} is made from it by
 * {@link #render(String)}, and this test fails as soon as the two differ. To make it again:
 * {@code ./mvnw -q -pl deploy/kubernetes-tests test -Dtest=PrometheusRuleTest -Dstadtportal.prometheus-rule.write=true}.
 */
class PrometheusRuleTest {

    private static final Path ALERTS = Overlay.ROOT.resolve("ops/prometheus/alerts.yml");
    private static final Path PROMETHEUS_RULE = Overlay.KUBERNETES.resolve("components/monitoring/prometheus-rule.yaml");
    private static final String HEADER = """
            # Made from ops/prometheus/alerts.yml, the one place the rules are written: edit that file, then
            #   ./mvnw -q -pl deploy/kubernetes-tests test -Dtest=PrometheusRuleTest -Dstadtportal.prometheus-rule.write=true
            # (PrometheusRuleTest fails while this file and ops/prometheus/alerts.yml differ)
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: stadtportal
              labels:
                app.kubernetes.io/name: stadtportal
            spec:
            """;

    /** The PrometheusRule around the rule file: the file's groups become the object's spec, comments kept. */
    static String render(String alerts) {
        StringBuilder rule = new StringBuilder(HEADER);
        alerts.lines().forEach(line -> rule.append(line.isBlank() ? "" : "  " + line).append('\n'));
        return rule.toString();
    }

    @Test
    void the_prometheus_rule_is_made_from_the_alert_rules_of_ops_prometheus() throws IOException {
        String expected = render(Files.readString(ALERTS));
        if (Boolean.getBoolean("stadtportal.prometheus-rule.write")) {
            Files.writeString(PROMETHEUS_RULE, expected);
        }

        assertThat(PROMETHEUS_RULE).as("made again from ops/prometheus/alerts.yml (see this test's Javadoc)").hasContent(expected);
    }

    @Test
    void production_evaluates_exactly_the_rules_of_ops_prometheus() throws IOException {
        JsonNode rendered = Overlay.rendered("production").documents().stream()
                .filter(document -> document.path("kind").asText().equals("PrometheusRule")).findFirst().orElseThrow();
        JsonNode alerts = Kustomize.YAML.readTree(ALERTS.toFile());

        assertThat(rendered.at("/spec/groups")).isEqualTo(alerts.get("groups"));
        assertThat(Overlay.rendered("production").all(KubernetesModel.PrometheusRule.class)).singleElement()
                .satisfies(rule -> assertThat(rule.spec().groups()).isNotEmpty());
    }

    @Test
    void the_service_monitor_scrapes_the_management_port_of_every_service_the_alert_rules_watch() throws IOException {
        Overlay production = Overlay.rendered("production");
        KubernetesModel.ServiceMonitor monitor = production.all(KubernetesModel.ServiceMonitor.class).get(0);

        assertThat(monitor.spec().endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.port()).isEqualTo("management");
            assertThat(endpoint.path()).isEqualTo("/actuator/prometheus");
        });
        Matcher watched = Pattern.compile("up\\{job=~\"([^\"]+)\"}").matcher(Files.readString(ALERTS));
        assertThat(watched.find()).as("ServiceDown names the jobs").isTrue();
        // without a jobLabel the Prometheus Operator names the job after the Service
        assertThat(monitor.spec().jobLabel()).isNull();
        for (String job : Arrays.asList(watched.group(1).split("\\|"))) {
            Service service = production.named(Service.class, job).orElseThrow(() -> new AssertionError("no Service " + job));
            assertThat(service.getMetadata().getLabels()).as(job).containsAllEntriesOf(monitor.spec().selector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).as(job).anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
        }
    }
}
