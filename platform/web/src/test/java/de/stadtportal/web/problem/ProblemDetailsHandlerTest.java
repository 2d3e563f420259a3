package de.stadtportal.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** A database that is away is 503 with Retry-After; a database refusing a statement is the service's bug: 500. */
class ProblemDetailsHandlerTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler(JsonMapper.builder().build());

    @Test
    void a_database_shutting_down_or_unreachable_is_503_with_retry_after() {
        for (Exception away : new Exception[] {
                translated(new R2dbcNonTransientResourceException("terminating connection due to administrator command",
                        "57P01")),
                translated(new R2dbcNonTransientResourceException("Cannot connect", "08001",
                        new ConnectException("Connection refused"))),
                translated(new R2dbcTimeoutException("Connection acquisition timed out", new TimeoutException()))}) {
            MockServerWebExchange exchange = answer(away);

            assertThat(exchange.getResponse().getStatusCode()).as(away.getCause().getMessage())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        }
    }

    @Test
    void a_database_refusing_the_statement_is_500_problem_without_its_message_or_a_stack_trace() {
        for (String sqlState : new String[] {"P0001", "57014", "XX000"}) {
            MockServerWebExchange exchange = answer(translated(new R2dbcNonTransientResourceException(
                    "secret detail from the database", sqlState)));

            assertThat(exchange.getResponse().getStatusCode()).as(sqlState).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(ProblemDetailsHandler.PROBLEM_JSON);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNull();
            String body = exchange.getResponse().getBodyAsString().block();
            assertThat(body).contains("\"status\":500").doesNotContain("secret detail", "Exception", "\tat ");
        }
    }

    /** As Spring's DatabaseClient throws it: an exception of its own around the driver's. */
    private static Exception translated(Exception driver) {
        return new IllegalStateException("executeMany; SQL [UPDATE projection SET ...]; " + driver.getMessage(), driver);
    }

    private MockServerWebExchange answer(Exception error) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/things"));
        StepVerifier.create(handler.handle(exchange, error)).verifyComplete();
        return exchange;
    }
}
