package de.stadtportal.messaging.outbox;

import de.stadtportal.messaging.MessagingProperties;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Carries committed outbox rows to Kafka.
 *
 * <p>It wakes when a commit notifies (and on a timer, in case a notification was lost), then
 * drains: in one database transaction it locks the oldest unsent row of up to
 * {@code keysPerBatch} aggregates ({@code FOR UPDATE SKIP LOCKED}), reads those aggregates' unsent
 * rows in order, sends them with the idempotent producer (acks=all, so order per key holds), waits
 * for every acknowledgement, marks the rows sent and commits. Because the oldest unsent row of a key
 * is its lock, several relays may run at once: each key is carried by one relay at a time, in order.
 *
 * <p>When Kafka is away the transaction rolls back, the rows stay, and the relay tries again with
 * growing backoff; nothing is dropped. A crash between acknowledgement and commit sends rows again,
 * which consumers absorb because they apply versions, not messages.
 *
 * <p>Each send continues the trace of the request that caused the event (stored with the row), so
 * one trace runs from the writer's request through the wait in the outbox to every consumer.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final CloudEventEnvelope envelope;
    private final OutboxNotifications notifications;
    private final MessagingProperties.Outbox settings;
    private final RelayTraces traces;
    private final Timer publishLatency;
    private final Counter failures;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    /** When the oldest unsent row was appended, on this JVM's clock; null when nothing is unsent. */
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private final Sinks.Many<Object> wakeups = Sinks.many().multicast().directBestEffort();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Instant lastCleanup = Instant.EPOCH;
    private volatile Instant lastCount = Instant.EPOCH;
    private Scheduler sender;

    public OutboxRelay(DatabaseClient database, ConnectionFactory connectionFactory, TransactionalOperator transactions,
            KafkaOperations<String, byte[]> kafka, CloudEventEnvelope envelope, MessagingProperties.Outbox settings,
            MeterRegistry meters, ObservationRegistry observations) {
        this.database = database;
        this.traces = new RelayTraces(observations);
        this.transactions = transactions;
        this.kafka = kafka;
        this.envelope = envelope;
        this.notifications = new OutboxNotifications(connectionFactory);
        this.settings = settings;
        this.publishLatency = Timer.builder("stadtportal.outbox.publish")
                .description("From appending an event to the outbox until Kafka acknowledged it")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.failures = Counter.builder("stadtportal.outbox.failures")
                .description("Relay attempts that failed and will be retried")
                .register(meters);
        this.published = Counter.builder("stadtportal.outbox.published")
                .description("Events acknowledged by Kafka")
                .register(meters);
        Gauge.builder("stadtportal.outbox.pending", pending, AtomicLong::get)
                .description("Events committed to the outbox and not yet acknowledged by Kafka")
                .register(meters);
        // read when scraped, from the last count: it keeps growing while the relay is stuck
        Gauge.builder("stadtportal.outbox.oldest.age", oldestUnsent, OutboxRelay::secondsSince)
                .description("How long the oldest event not yet acknowledged by Kafka has waited in the outbox")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public void start() {
        stopping.set(false);
        sender = Schedulers.newSingle("outbox-relay-send");
        Sinks.Empty<Void> stopping = Sinks.empty();
        CountDownLatch finished = new CountDownLatch(1);
        Flux<Object> signals = Flux.merge(
                notifications.commits(),
                Flux.interval(Duration.ZERO, settings.pollInterval()),
                wakeups.asFlux());
        Disposable loop = signals
                .onBackpressureLatest()
                .takeUntilOther(stopping.asMono())
                .concatMap(signal -> drain().then(housekeeping()).onErrorResume(e -> {
                    log.warn("Outbox relay round failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .doFinally(signal -> finished.countDown())
                .subscribe();
        running.set(new Running(loop, stopping, finished));
        log.info("Outbox relay started (batch {}, poll every {})", settings.batchSize(), settings.pollInterval());
    }

    /**
     * Lets the round in progress finish (so acknowledged rows are marked sent, not sent again by the
     * next relay), then stops; gives up waiting after {@code STOP_GRACE}.
     */
    @Override
    public void stop() {
        Running current = running.getAndSet(null);
        if (current == null) {
            return;
        }
        stopping.set(true);
        current.stopping().tryEmitEmpty();
        try {
            if (!current.finished().await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Outbox relay round still running after {}; cancelling it", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.loop().dispose();
        sender.dispose();
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    /** Asks the relay to look at the outbox now (tests, and callers that know they just committed). */
    public void wakeUp() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    /** Publishes batches until the outbox is empty, retrying with backoff while Kafka is away. */
    Mono<Void> drain() {
        Mono<Boolean> attempt = relayBatch()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, settings.minBackoff()).maxBackoff(settings.maxBackoff())
                        // while stopping, give up at once: the rows stay and the next start publishes them
                        .filter(error -> !stopping.get())
                        .doBeforeRetry(signal -> {
                            failures.increment();
                            refreshPending().subscribe(null, error -> log.debug("Outbox backlog not counted: {}",
                                    error.toString()));
                            log.warn("Publishing from the outbox failed (attempt {}), retrying: {}",
                                    signal.totalRetries() + 1, signal.failure().toString());
                        }));
        return attempt.expand(full -> full ? attempt : Mono.empty()).then();
    }

    /**
     * One round; true when it was full (as many keys or rows as a round takes), so that more may be
     * waiting. A round that took less took every row committed when it claimed: rows committed since
     * notify again, so the drain ends there instead of paying another transaction to find nothing.
     */
    private Mono<Boolean> relayBatch() {
        return transactions.transactional(claim()
                        .flatMap(claimed -> claimed.rows().isEmpty()
                                ? Mono.just(claimed)
                                : publish(claimed.rows()).then(markSent(claimed.rows())).thenReturn(claimed)))
                // counted once the rows are marked sent, so a rolled-back round is not counted twice
                .doOnNext(claimed -> recordSent(claimed.rows()))
                .map(Claimed::full);
    }

    private void recordSent(List<Row> rows) {
        Instant now = Instant.now();
        for (Row row : rows) {
            publishLatency.record(Duration.between(row.appendedAt(), row.acknowledgedAt() == null ? now : row.acknowledgedAt()));
        }
        published.increment(rows.size());
    }

    private Mono<Claimed> claim() {
        return database.sql("""
                SELECT message_key FROM outbox
                WHERE sent_at IS NULL
                  AND id IN (SELECT min(id) FROM outbox WHERE sent_at IS NULL GROUP BY message_key)
                ORDER BY id
                LIMIT :keys
                FOR UPDATE SKIP LOCKED
                """)
                .bind("keys", settings.keysPerBatch())
                .map(row -> row.get("message_key", String.class))
                .all()
                .collectList()
                .flatMap(keys -> keys.isEmpty() ? Mono.just(new Claimed(List.of(), false))
                        : rowsOf(keys).map(rows -> new Claimed(rows,
                                keys.size() >= settings.keysPerBatch() || rows.size() >= settings.batchSize())));
    }

    private Mono<List<Row>> rowsOf(List<String> keys) {
        return database.sql("""
                SELECT id, event_id, topic, message_key, ce_type, ce_source, payload, traceparent, occurred_at, created_at
                FROM outbox
                WHERE sent_at IS NULL AND message_key = ANY(:keys)
                ORDER BY id
                LIMIT :limit
                """)
                .bind("keys", keys.toArray(String[]::new))
                .bind("limit", settings.batchSize())
                .map(row -> new Row(
                        row.get("id", Long.class),
                        new OutgoingMessage(
                                row.get("event_id", UUID.class),
                                row.get("topic", String.class),
                                row.get("message_key", String.class),
                                row.get("ce_type", String.class),
                                row.get("ce_source", String.class),
                                bytes(row.get("payload")),
                                row.get("traceparent", String.class),
                                row.get("occurred_at", OffsetDateTime.class).toInstant()),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }

    /** Sends in order and settles only when every send settled, so a retry never overtakes a straggler. */
    private Mono<Void> publish(List<Row> rows) {
        return Mono.fromCallable(() -> {
            List<CompletableFuture<Throwable>> outcomes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                CompletableFuture<Throwable> outcome;
                Observation relayed = traces.relaying(row.message(), row.appendedAt());
                try (Observation.Scope scope = relayed.openScope()) {
                    outcome = kafka.send(envelope.toRecord(row.message()))
                            .handle((result, error) -> {
                                if (error == null) {
                                    row.acknowledged(Instant.now());
                                }
                                return error;
                            });
                } catch (RuntimeException e) {
                    // Kafka is unreachable (no metadata within max.block.ms): do not wait again for every row
                    relayed.error(e);
                    relayed.stop();
                    outcomes.add(CompletableFuture.completedFuture(e));
                    break;
                }
                outcome.thenAccept(error -> traces.settled(relayed, error));
                outcomes.add(outcome);
            }
            return outcomes;
        }).subscribeOn(sender).flatMap(outcomes -> Mono
                .fromFuture(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .then(Mono.defer(() -> firstFailure(outcomes))));
    }

    private static Mono<Void> firstFailure(List<CompletableFuture<Throwable>> outcomes) {
        for (CompletableFuture<Throwable> outcome : outcomes) {
            Throwable error = outcome.join();
            if (error != null) {
                return Mono.error(error);
            }
        }
        return Mono.empty();
    }

    private Mono<Void> markSent(List<Row> rows) {
        return database.sql("UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY(:ids)")
                .bind("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .then();
    }

    /**
     * Counts the backlog and dates its oldest row in the one query. The age is measured by the
     * database's clock and kept as an instant on this JVM's clock, so that the two need not agree.
     */
    private Mono<Void> refreshPending() {
        return database.sql("""
                SELECT count(*) AS pending,
                       extract(epoch FROM clock_timestamp() - min(created_at))::float8 AS oldest_age
                FROM outbox WHERE sent_at IS NULL
                """)
                .map(row -> new Backlog(row.get("pending", Long.class), row.get("oldest_age", Double.class)))
                .one()
                .doOnNext(backlog -> {
                    pending.set(backlog.pending());
                    oldestUnsent.set(backlog.oldestAgeSeconds() == null ? null
                            : Instant.now().minusMillis(Math.round(backlog.oldestAgeSeconds() * 1000)));
                })
                .then();
    }

    private static double secondsSince(AtomicReference<Instant> oldest) {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Counts the backlog at most twice per poll interval (the timer's own rounds keep it current
     * while idle), not after every drain: under load every commit wakes the relay, and the count
     * would cost a query per wake-up for a gauge read every few seconds.
     */
    private Mono<Void> housekeeping() {
        Instant now = Instant.now();
        Mono<Void> count = Duration.between(lastCount, now).compareTo(settings.pollInterval().dividedBy(2)) < 0
                ? Mono.empty()
                : Mono.defer(() -> {
                    lastCount = now;
                    return refreshPending();
                });
        if (Duration.between(lastCleanup, Instant.now()).compareTo(Duration.ofMinutes(1)) < 0) {
            return count;
        }
        lastCleanup = Instant.now();
        return count.then(database.sql("DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) settings.retention().toSeconds())
                .fetch().rowsUpdated()
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.debug("Cleaned up {} sent outbox rows", deleted);
                    }
                })
                .then());
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] array = new byte[buffer.remaining()];
            buffer.get(array);
            return array;
        }
        throw new IllegalStateException("Unexpected payload type " + (value == null ? null : value.getClass()));
    }

    /** A claimed row; the acknowledgement time is set by the producer's callback thread. */
    private static final class Row {

        private final long id;
        private final OutgoingMessage message;
        private final Instant appendedAt;
        private volatile Instant acknowledgedAt;

        Row(long id, OutgoingMessage message, Instant appendedAt) {
            this.id = id;
            this.message = message;
            this.appendedAt = appendedAt;
        }

        long id() {
            return id;
        }

        OutgoingMessage message() {
            return message;
        }

        Instant appendedAt() {
            return appendedAt;
        }

        Instant acknowledgedAt() {
            return acknowledgedAt;
        }

        void acknowledged(Instant at) {
            acknowledgedAt = at;
        }
    }

    /** The rows of one round, and whether the round took as many keys or rows as it may. */
    private record Claimed(List<Row> rows, boolean full) {
    }

    private record Backlog(long pending, Double oldestAgeSeconds) {
    }

    private record Running(Disposable loop, Sinks.Empty<Void> stopping, CountDownLatch finished) {
    }
}
