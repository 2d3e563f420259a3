package de.stadtportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator finds each request in the gateway's log, in its trace, although the line is written
 * by a queue on another thread and the gateway keeps no current span on its threads.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIT extends GatewayTest {

    @Test
    void each_request_gets_one_line_with_method_path_status_time_request_id_and_trace(CapturedOutput output) {
        String traceId = marker().substring(1);
        String marker = marker();
        web.get().uri("/api/events/categories?city=bochum").header("X-Request-Id", marker)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(linesWith(output, marker))
                .singleElement().satisfies(line -> assertThat(line)
                        .containsPattern("GET /api/events/categories 200 \\d+ ms, request " + marker)
                        .contains(traceId)));
    }

    @Test
    void a_request_that_came_without_a_trace_or_an_id_is_logged_in_its_trace_with_the_id_it_was_given(
            CapturedOutput output) {
        var answer = web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk().returnResult(String.class);
        String requestId = answer.getResponseHeaders().getFirst("X-Request-Id");
        String traceId = answer.getResponseHeaders().getFirst("traceparent").substring(3, 35);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(linesWith(output, requestId))
                .singleElement().satisfies(line -> assertThat(line)
                        .containsPattern("GET /api/cities/bochum 200 \\d+ ms, request " + requestId)
                        .contains(traceId)));
    }

    @Test
    void the_warning_of_a_backend_that_could_not_be_reached_is_in_the_requests_trace(CapturedOutput output) {
        SEARCH.down();
        var answer = web.get().uri("/api/search?q=Zeche").exchange().expectStatus().isEqualTo(503)
                .returnResult(String.class);
        String traceId = answer.getResponseHeaders().getFirst("traceparent").substring(3, 35);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("GET /api/search failed at the search service")))
                .anySatisfy(line -> assertThat(line).contains(traceId)));
    }

    @Test
    void the_lines_are_queued_and_not_written_by_the_thread_that_answered() {
        Logger access = (Logger) LoggerFactory.getLogger("de.stadtportal.web.AccessLog");
        Iterator<?> appenders = access.iteratorForAppenders();

        assertThat(appenders).toIterable().isNotEmpty().allSatisfy(appender -> assertThat(appender)
                .isInstanceOfSatisfying(AsyncAppender.class, queued -> {
                    assertThat(queued.getQueueSize()).isEqualTo(8192);
                    assertThat(queued.isNeverBlock()).isTrue();
                    assertThat(queued.isIncludeCallerData()).isFalse();
                }));
        assertThat(access.isAdditive()).as("written once, not again through the root logger").isFalse();
    }

    private static List<String> linesWith(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }
}
