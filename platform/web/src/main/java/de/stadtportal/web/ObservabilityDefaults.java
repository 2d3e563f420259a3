package de.stadtportal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How every service of the platform is traced, said once instead of in each service's
 * {@code application.yml}. These are defaults: the service's own configuration, its environment
 * and the command line all win over them.
 * <p>
 * Every request is observed (statements and Kafka sends and records too: the messaging module
 * turns those on), W3C {@code traceparent} travels in and out, and the Reactor context carries the trace across threads so that log lines
 * and R2DBC spans of a request belong to its trace. Every request gets a trace id (in its log lines and
 * its {@code traceparent}), and a tenth of new traces are recorded as spans
 * ({@code TRACING_SAMPLING_PROBABILITY}, 0.1: recording every request cost about a quarter more CPU
 * per write in the platform benchmark, docs/benchmarks.md; {@code ./stadtportal up --tracing} records
 * all). Spans are exported only when asked to: {@code TRACING_EXPORT_ENABLED=true} sends them to
 * Zipkin at {@code ZIPKIN_ENDPOINT}.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "stadtportal-observability-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // thread-locals (the current span, the MDC) follow a request through every operator
        defaults.put("spring.reactor.context-propagation", "auto");
        defaults.put("management.tracing.propagation.type", "W3C");
        defaults.put("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}");
        // only the Zipkin reporter is switched: Boot's global export switch would stop propagation too
        defaults.put("management.tracing.export.zipkin.enabled", "${TRACING_EXPORT_ENABLED:false}");
        defaults.put("management.tracing.export.zipkin.endpoint",
                "${ZIPKIN_ENDPOINT:http://localhost:9411/api/v2/spans}");
        // trace ids as exemplars on histogram buckets and counters only, as OpenMetrics allows: an
        // exemplar on a summary's _count (Micrometer's default) makes Prometheus 2.x refuse the whole scrape
        defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
                "false");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
