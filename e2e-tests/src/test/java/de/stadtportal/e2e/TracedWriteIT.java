package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator follows one write from the gateway to the moment search has indexed it, in the trace
 * viewer the platform exports to (Zipkin's server, as {@code ./stadtportal up --tracing} starts it),
 * and in the JSON log lines of every service that handled it (as {@code ./stadtportal up --json-logs}
 * writes them).
 */
class TracedWriteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalPlatform platform;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
    }

    @Test
    void one_trace_runs_from_the_gateway_through_events_and_the_outbox_into_the_search_index_and_each_service_logs_it() throws Exception {
        String word = "Spurensuche" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode venue = gateway.get("/api/venues?city=bochum&limit=1").body().path("items").get(0);
        ZonedDateTime start = ZonedDateTime.now().plusDays(9).withHour(20).withMinute(0).withSecond(0).withNano(0);
        Gateway.Answer created = gateway.send("POST", "/api/events", platform.token("editor", "bochum"), Map.of(
                "city", "bochum", "venueId", venue.get("id").asString(), "title", word + " im Schauspielhaus",
                "description", "Ein Abend, dem man folgen kann.", "category", "theater",
                "start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "end", start.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "price", Map.of("free", true, "currency", "EUR")), Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String traceId = created.raw().headers().firstValue("traceparent").orElseThrow().substring(3, 35);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.get("/api/search?q=" + word).body().path("total").asInt()).isPositive());
        // each service sends its spans in batches about a second after they end: wait for the whole chain
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(causesOfIndexing(trace(traceId)))
                .as("the chain of spans, root first").satisfiesExactly(
                        hop -> assertThat(hop).startsWith("gateway-service SERVER"),
                        // the gateway makes no client span per proxied call: the backend's parent is its server span
                        hop -> assertThat(hop).startsWith("events-service SERVER"),
                        hop -> assertThat(hop).startsWith("events-service CONSUMER").contains("outbox relay"),
                        hop -> assertThat(hop).startsWith("events-service PRODUCER").contains("send"),
                        hop -> assertThat(hop).startsWith("search-service CONSUMER").contains("process")));
        List<Span> trace = trace(traceId);
        // the write's statements are in the trace too
        assertThat(trace).anyMatch(span -> span.service().equals("events-service") && span.kind().equals("CLIENT")
                && span.name().equals("query"));

        // ... and each service that handled it wrote a JSON log line in that trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(linesOfTrace("gateway-service", traceId)).as("the gateway's lines of the trace")
                    .anySatisfy(line -> assertThat(line).contains("POST /api/events 201"));
            assertThat(linesOfTrace("events-service", traceId)).as("events-service's lines of the trace")
                    .anySatisfy(line -> assertThat(line).contains("appended for aggregate " + created.body()
                            .path("id").asString()));
            assertThat(linesOfTrace("search-service", traceId)).as("search-service's lines of the trace")
                    .anySatisfy(line -> assertThat(line).startsWith("record events.events.v1-").contains("processed"));
        });
    }

    /**
     * The messages of a service's JSON (ECS) log lines that carry {@code traceId} and a span id;
     * a line that is no JSON object (the JVM's own) is no line of a trace.
     */
    private static List<String> linesOfTrace(String service, String traceId) throws Exception {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(platform.logFile(service))) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (traceId.equals(entry.path("traceId").asString(null))
                    && entry.path("spanId").asString("").matches("[0-9a-f]{16}")) {
                messages.add(entry.path("message").asString());
            }
        }
        return messages;
    }

    /** From the search consumer's span back to the root, root first: each hop caused by the one before it. */
    private static List<String> causesOfIndexing(List<Span> trace) {
        Map<String, Span> byId = new HashMap<>();
        trace.forEach(span -> byId.put(span.id(), span));
        List<String> causes = new ArrayList<>();
        Span span = trace.stream()
                .filter(candidate -> candidate.service().equals("search-service") && candidate.name().endsWith(" process"))
                .findFirst().orElse(null);
        for (; span != null; span = byId.get(span.parentId())) {
            causes.add(0, span.service() + " " + span.kind() + " " + span.name());
        }
        return causes;
    }

    private static List<Span> trace(String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(platform.traceViewerUrl() + "/api/v2/trace/" + traceId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : JSON.readTree(response.body())) {
            spans.add(new Span(span.path("id").asString(), span.path("parentId").asString(null),
                    span.path("kind").asString(""), span.path("name").asString(""),
                    span.path("localEndpoint").path("serviceName").asString("")));
        }
        return spans;
    }

    private record Span(String id, String parentId, String kind, String name, String service) {
    }
}
