package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import de.stadtportal.contracts.Traceparent;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.testing.security.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An accepted write logs one line per event it announces, and the line names the request's trace.
 * The service puts the trace on the thread only where it logs ({@code spring.reactor.context-propagation:
 * limited}, not around every operator), so a write path that logged outside such a place would lose it
 * here: each kind of write is sent in a trace of its own.
 */
class EventWriteLogIT extends EventsServiceIntegrationTest {

    /** The trace each kind of write was sent in. */
    private final Map<String, String> traces = new ConcurrentHashMap<>();
    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the MDC as it is on the thread that logs, read now
            lines.add(new Line(event.getFormattedMessage(), event.getMDCPropertyMap().get("traceId")));
        }
    };
    private Logger outbox;
    private String city;
    private String venue;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("essen"));
        venue = fixtures.venue(city, "Philharmonie Essen", 51.4430, 7.0039);
        outbox = (Logger) LoggerFactory.getLogger(Outbox.class);
        appender.start();
        outbox.addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        outbox.detachAppender(appender);
        appender.stop();
    }

    @Test
    void every_kind_of_write_logs_its_announcements_in_the_requests_trace() {
        String created = id(inTrace("create", request -> request.post().uri("/api/events")
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.eventBody(city, venue, "Sinfoniekonzert", "2027-05-14T20:00:00+02:00", null))
                .exchange().expectStatus().isCreated()));
        inTrace("batch", request -> request.post().uri("/api/events/batch")
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", List.of(
                        Fixtures.eventBody(city, venue, "Kammerkonzert", "2027-05-15T11:00:00+02:00", null),
                        Fixtures.eventBody(city, venue, "Liederabend", "2027-05-15T19:30:00+02:00", null))))
                .exchange().expectStatus().isCreated());
        Map<String, Object> edited = Fixtures.eventBody(city, venue, "Großes Sinfoniekonzert",
                "2027-05-14T20:00:00+02:00", null);
        inTrace("edit", request -> request.put().uri("/api/events/{id}", created)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(fixtures.etag(created));
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(edited)
                .exchange().expectStatus().isOk());
        inTrace("cancellation", request -> request.post().uri("/api/events/{id}/cancellation", created)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(fixtures.etag(created));
                })
                .exchange().expectStatus().isOk());
        inTrace("deletion", request -> request.delete().uri("/api/events/{id}", created)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(fixtures.etag(created));
                })
                .exchange().expectStatus().isNoContent());

        assertThat(linesOf("create")).singleElement().asString().endsWith("appended for aggregate " + created);
        assertThat(linesOf("batch")).as("one line per event of the batch").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("appended for aggregate"));
        for (String write : List.of("edit", "cancellation", "deletion")) {
            assertThat(linesOf(write)).as(write).singleElement().asString()
                    .endsWith("appended for aggregate " + created);
        }
    }

    /** Sends {@code request} in a new trace (not sampled), remembered under {@code write}. */
    private WebTestClient.ResponseSpec inTrace(String write,
            Function<WebTestClient, WebTestClient.ResponseSpec> request) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        traces.put(write, traceId);
        return request.apply(web.mutate()
                .defaultHeader(Traceparent.HEADER, "00-" + traceId + "-" + traceId.substring(16) + "-00").build());
    }

    private List<String> linesOf(String write) {
        String traceId = traces.get(write);
        return lines.stream().filter(line -> traceId.equals(line.traceId())).map(Line::message).toList();
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return created.returnResult(String.class).getResponseHeaders().getLocation().getPath().replaceAll(".*/", "");
    }

    private record Line(String message, String traceId) {
    }
}
