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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * drains in rounds: in one database transaction a round locks the oldest unsent row of up to
 * {@code keysPerBatch} aggregates ({@code FOR UPDATE SKIP LOCKED}), reads those aggregates' unsent
 * rows in order, sends them with the idempotent producer (acks=all, so order per key holds), waits
 * for every acknowledgement, marks the rows sent and commits. Because the oldest unsent row of a key
 * is its lock, several relays may run at once: each key is carried by one relay at a time, in order.
 *
 * <p>Rounds overlap: while one waits for its acknowledgements, the next claims and sends, continuing
 * the keys the first holds after the rows it has in flight. For the producer that is one longer run
 * of sends in order, as within a round; in the database the second round commits only after the
 * first, and rolls back when the first did, so a key's rows are never marked sent out of order.
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

    /** Publishes rounds until the outbox is empty, retrying with backoff while Kafka is away. */
    Mono<Void> drain() {
        return rounds()
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
    }

    /**
     * Rounds, each overlapping the one before: once a round has handed its rows to the producer, the
     * next claims and sends while the first still waits for its acknowledgements. A round commits only
     * after the one before it committed, and fails when that one failed, so rows are marked sent in
     * the order they were sent and a failure rolls back every round after it. Ends with the first
     * round that was not full (it took every row committed when it claimed), once it has committed.
     */
    private Mono<Void> rounds() {
        return Mono.defer(() -> Mono.just(InFlight.NONE)
                .expand(previous -> previous.more() ? nextRound(previous) : Mono.empty())
                .last()
                .flatMap(InFlight::committed));
    }

    /**
     * Starts a round while {@code previous} may still be waiting for Kafka, and answers it once its rows
     * were handed to the producer and the round before {@code previous} has committed, so that no more
     * than two rounds are open at once and the next claim sees every row before {@code previous} marked.
     * <p>
     * The round continues the keys {@code previous} holds: it claims their first rows after those in
     * flight (no other relay claims a key whose oldest unsent row is locked), and sends them after
     * {@code previous} sent its own on the same producer, which keeps them in order on their partition.
     */
    private Mono<InFlight> nextRound(InFlight previous) {
        return Mono.defer(() -> {
            Sinks.One<Claimed> handedOver = Sinks.one();
            Mono<Void> committed = transactions.transactional(claim(previous.sentUpTo())
                            .flatMap(claimed -> send(claimed, handedOver)
                                    .then(previous.committed())
                                    .then(markSent(claimed.rows()))
                                    .thenReturn(claimed)))
                    // counted once the rows are marked sent, so a rolled-back round is not counted twice
                    .doOnNext(claimed -> recordSent(claimed.rows()))
                    .doOnError(handedOver::tryEmitError)
                    .then()
                    .cache();
            committed.subscribe(null, error -> log.debug("Outbox round rolled back: {}", error.toString()));
            return handedOver.asMono()
                    .flatMap(claimed -> previous.committed().thenReturn(new InFlight(committed, claimed.sentUpTo(),
                            claimed.full() && !stopping.get())))
                    // the rounds still open end before the drain is tried again
                    .onErrorResume(error -> Mono.when(quietly(previous.committed()), quietly(committed))
                            .then(Mono.error(error)));
        });
    }

    private static Mono<Void> quietly(Mono<Void> round) {
        return round.onErrorResume(error -> Mono.empty());
    }

    private void recordSent(List<Row> rows) {
        Instant now = Instant.now();
        for (Row row : rows) {
            publishLatency.record(Duration.between(row.appendedAt(), row.acknowledgedAt() == null ? now : row.acknowledgedAt()));
        }
        published.increment(rows.size());
    }

    /**
     * Locks the oldest unsent row of up to {@code keysPerBatch} keys and reads those keys' unsent rows
     * in order. For a key of the round still in flight, "oldest" and "unsent" start after its rows
     * in flight ({@code sentUpTo}); every other key's oldest unsent row is locked by whoever carries it,
     * and skipped.
     */
    private Mono<Claimed> claim(Map<String, Long> sentUpTo) {
        String[] heldKeys = sentUpTo.keySet().toArray(String[]::new);
        Long[] heldUpTo = Arrays.stream(heldKeys).map(sentUpTo::get).toArray(Long[]::new);
        return database.sql("""
                SELECT o.message_key FROM outbox o
                WHERE o.sent_at IS NULL
                  AND o.id IN (SELECT min(u.id) FROM outbox u
                               LEFT JOIN unnest(CAST(:heldKeys AS text[]), CAST(:heldUpTo AS bigint[]))
                                   AS held(message_key, up_to) ON held.message_key = u.message_key
                               WHERE u.sent_at IS NULL AND u.id > COALESCE(held.up_to, 0)
                               GROUP BY u.message_key)
                ORDER BY o.id
                LIMIT :keys
                FOR UPDATE OF o SKIP LOCKED
                """)
                .bind("heldKeys", heldKeys)
                .bind("heldUpTo", heldUpTo)
                .bind("keys", settings.keysPerBatch())
                .map(row -> row.get("message_key", String.class))
                .all()
                .collectList()
                .flatMap(keys -> keys.isEmpty() ? Mono.just(new Claimed(List.of(), false))
                        : rowsOf(keys, heldKeys, heldUpTo).map(rows -> new Claimed(rows,
                                keys.size() >= settings.keysPerBatch() || rows.size() >= settings.batchSize())));
    }

    private Mono<List<Row>> rowsOf(List<String> keys, String[] heldKeys, Long[] heldUpTo) {
        return database.sql("""
                SELECT o.id, o.event_id, o.topic, o.message_key, o.ce_type, o.ce_source, o.payload, o.traceparent,
                       o.occurred_at, o.created_at
                FROM outbox o
                LEFT JOIN unnest(CAST(:heldKeys AS text[]), CAST(:heldUpTo AS bigint[]))
                    AS held(message_key, up_to) ON held.message_key = o.message_key
                WHERE o.sent_at IS NULL AND o.message_key = ANY(:keys) AND o.id > COALESCE(held.up_to, 0)
                ORDER BY o.id
                LIMIT :limit
                """)
                .bind("keys", keys.toArray(String[]::new))
                .bind("heldKeys", heldKeys)
                .bind("heldUpTo", heldUpTo)
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

    /**
     * Hands the round's rows to the producer in order, tells {@code handedOver} (so the next round may
     * claim and send behind them), and settles only when every send settled, so a retry never overtakes
     * a straggler. When a send fails at once (Kafka unreachable), the rest are not tried and no round
     * follows this one.
     */
    private Mono<Void> send(Claimed claimed, Sinks.One<Claimed> handedOver) {
        if (claimed.rows().isEmpty()) {
            handedOver.tryEmitValue(claimed);
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            List<CompletableFuture<Throwable>> outcomes = new ArrayList<>(claimed.rows().size());
            boolean refused = false;
            for (Row row : claimed.rows()) {
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
                    refused = true;
                    break;
                }
                outcome.thenAccept(error -> traces.settled(relayed, error));
                outcomes.add(outcome);
            }
            handedOver.tryEmitValue(refused ? claimed.last() : claimed);
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

    /** Marks the round's rows sent; each exactly once, or the round rolls back. */
    private Mono<Void> markSent(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY(:ids) AND sent_at IS NULL")
                .bind("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .fetch().rowsUpdated()
                .flatMap(marked -> marked == rows.size() ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("Marked " + marked + " of " + rows.size()
                                + " outbox rows sent: another round had marked the rest")));
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

        /** The same rows, with no round to follow them. */
        Claimed last() {
            return new Claimed(rows, false);
        }

        /** The highest id sent per key: where the next round continues those keys. */
        Map<String, Long> sentUpTo() {
            Map<String, Long> upTo = new HashMap<>();
            for (Row row : rows) {
                upTo.merge(row.message().key(), row.id(), Math::max);
            }
            return upTo;
        }
    }

    /**
     * A round that has handed its rows to the producer: its commit (awaited by the round after it),
     * where its keys continue, and whether another round should follow.
     */
    private record InFlight(Mono<Void> committed, Map<String, Long> sentUpTo, boolean more) {

        static final InFlight NONE = new InFlight(Mono.empty(), Map.of(), true);
    }

    private record Backlog(long pending, Double oldestAgeSeconds) {
    }

    private record Running(Disposable loop, Sinks.Empty<Void> stopping, CountDownLatch finished) {
    }
}
