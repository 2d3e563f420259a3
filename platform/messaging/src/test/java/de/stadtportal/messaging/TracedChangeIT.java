package de.stadtportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.Span.Kind;
import brave.handler.MutableSpan;
import de.stadtportal.contracts.Traceparent;
import de.stadtportal.messaging.outbox.Outbox;
import de.stadtportal.testing.data.TestEvents;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.util.context.Context;

/**
 * One change, one trace: the request that wrote it (here: the trace handed in as its traceparent),
 * the relay that carried it out of the outbox, the Kafka send, and the consumer that applied it,
 * with the consumer's statements inside the consumer's span.
 */
@SpringBootTest
@RealInfrastructure
class TracedChangeIT {

    private static final String TRACE = "5a1d0c2b3e4f60718293a4b5c6d7e8f9";
    private static final String WRITER_SPAN = "1122334455667788";

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator transactions;
    @Autowired MessagingTestApplication.RecordedSpans spans;
    @Autowired MessagingTestApplication.ArticleProjection projection;

    @Test
    void a_change_is_traced_from_the_writer_through_the_outbox_and_kafka_into_the_consumer() {
        String article = TestEvents.newArticleId();
        transactions.transactional(outbox.append(TestEvents.articlePublished(article, 1, "Verfolgt")))
                .contextWrite(Context.of(Traceparent.CONTEXT_KEY, "00-" + TRACE + "-" + WRITER_SPAN + "-01"))
                .block(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(projection.attempts(article, 1)).isPositive();
            assertThat(spans.ofTrace(TRACE)).extracting(MutableSpan::name).anyMatch(name -> name.endsWith(" process"));
        });
        List<MutableSpan> trace = spans.ofTrace(TRACE);
        Map<String, MutableSpan> byId = trace.stream().collect(Collectors.toMap(MutableSpan::id, Function.identity(),
                (first, second) -> first));

        MutableSpan relayed = trace.stream().filter(span -> WRITER_SPAN.equals(span.parentId())).findFirst()
                .orElseThrow(() -> new AssertionError("no span continues the writer's: " + trace));
        assertThat(relayed.name()).contains("outbox relay");
        assertThat(relayed.tag("outbox.waited.ms")).isNotNull();
        MutableSpan sent = trace.stream().filter(span -> span.kind() == Kind.PRODUCER).findFirst().orElseThrow();
        assertThat(sent.parentId()).isEqualTo(relayed.id());
        MutableSpan consumed = trace.stream()
                .filter(span -> span.kind() == Kind.CONSUMER && sent.id().equals(span.parentId()))
                .findFirst().orElseThrow(() -> new AssertionError("no consumer span under the send: " + trace));
        // the consumer's statements (version gate, projection) are its children
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.ofTrace(TRACE))
                .filteredOn(span -> consumed.id().equals(span.parentId()))
                .extracting(span -> span.tag("r2dbc.query[0]"))
                .anyMatch(query -> query != null && query.contains("test_article")));
        assertThat(byId).containsKeys(relayed.id(), sent.id(), consumed.id());
    }
}
