package de.stadtportal.messaging;

import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.consumer.AppliedVersions;
import de.stadtportal.messaging.consumer.ListenerWork;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.ReceivedEvent;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A service in miniature: an outbox producer and a version-gated article projection. */
@SpringBootApplication
public class MessagingTestApplication {

    /** Every span this service finished, as a trace viewer would receive it. */
    @Component
    public static class RecordedSpans extends SpanHandler {

        private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            finished.add(span);
            return true;
        }

        public List<MutableSpan> ofTrace(String traceId) {
            return finished.stream().filter(span -> span.traceId().equals(traceId)).toList();
        }
    }

    /** Keeps the newest title per article; applies an event only when its version is newer. */
    @Component
    public static class ArticleProjection {

        final AtomicInteger applied = new AtomicInteger();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final CloudEventEnvelope envelope;
        private final AppliedVersions versions;
        private final DatabaseClient database;
        private final TransactionalOperator transactions;

        ArticleProjection(CloudEventEnvelope envelope, AppliedVersions versions, DatabaseClient database,
                TransactionalOperator transactions) {
            this.envelope = envelope;
            this.versions = versions;
            this.database = database;
            this.transactions = transactions;
        }

        @KafkaListener(topics = Topics.CONTENT_ARTICLES)
        void on(ConsumerRecord<String, byte[]> record) {
            ReceivedEvent received = envelope.read(record);
            attempts.computeIfAbsent(received.event().aggregateId() + "@" + received.event().version(),
                    key -> new AtomicInteger()).incrementAndGet();
            ListenerWork.complete(transactions.transactional(versions
                    .advance("article", received.event().aggregateId(), received.event().version())
                    .filter(newer -> newer)
                    .flatMap(newer -> apply(received))
                    .doOnSuccess(done -> {
                        if (done != null) {
                            applied.incrementAndGet();
                        }
                    })));
        }

        /** How often the listener was handed this version of this article, retries included. */
        public int attempts(String article, long version) {
            AtomicInteger count = attempts.get(article + "@" + version);
            return count == null ? 0 : count.get();
        }

        private Mono<Boolean> apply(ReceivedEvent received) {
            if (received.event() instanceof ArticlePublished published) {
                return database.sql("""
                        INSERT INTO test_article (id, title, version) VALUES (:id, :title, :version)
                        ON CONFLICT (id) DO UPDATE SET title = excluded.title, version = excluded.version
                        """)
                        .bind("id", published.aggregateId())
                        .bind("title", published.article().title())
                        .bind("version", published.version())
                        .then().thenReturn(true);
            }
            if (received.event() instanceof ArticleWithdrawn withdrawn) {
                return database.sql("DELETE FROM test_article WHERE id = :id")
                        .bind("id", withdrawn.aggregateId())
                        .then().thenReturn(true);
            }
            return Mono.just(false);
        }
    }
}
