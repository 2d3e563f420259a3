package de.stadtportal.messaging.outbox;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Traceparent;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a service records the events its changes caused. {@link #append} runs on the connection of
 * the caller's reactive transaction (Spring's {@link DatabaseClient} joins it), so the business row
 * and its events commit together or not at all; the relay publishes them after the commit.
 * The event is checked against its JSON Schema here, so a broken event fails the write instead of
 * reaching a consumer. A write that sends a statement for its business row anyway can append in that
 * same statement instead ({@link #entry}, {@link #appendFor}) and save the round trip of its own.
 * <p>
 * Each appended event is one INFO line of {@code de.stadtportal.messaging.outbox.Outbox}, written in
 * the request's trace (its trace and span id in the line's MDC): the one line a service logs for an
 * accepted write. {@code logging.level.de.stadtportal.messaging.outbox.Outbox=warn} silences it. The
 * line is written from a {@code handle} operator, which puts the trace of the Reactor context on the
 * thread even where thread locals are not restored around every operator
 * ({@code spring.reactor.context-propagation=limited}); a caller of {@link Entry#appended} does the same.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String INTO = """
            INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_source, payload, traceparent, occurred_at)
            """;
    /** An entry's row as parameters, typed so that they also stand in a {@code SELECT} list. */
    private static final String ROW = """
            CAST(:outboxEventId AS UUID), CAST(:outboxTopic AS TEXT), CAST(:outboxKey AS TEXT),
            CAST(:outboxType AS TEXT), CAST(:outboxSource AS TEXT), CAST(:outboxPayload AS BYTEA),
            CAST(:outboxTraceparent AS TEXT), CAST(:outboxOccurredAt AS TIMESTAMPTZ)""";

    /**
     * The rows of several entries, in the order given, from parallel arrays bound by {@link #bindRows}:
     * the payload in Base64 (the driver binds no array of byte strings), no trace as an empty string.
     */
    private static final String ROWS = """
            SELECT e.event_id, e.topic, e.message_key, e.ce_type, e.ce_source, decode(e.payload, 'base64'),
                   NULLIF(e.traceparent, ''), CAST(e.occurred_at AS TIMESTAMPTZ)
            FROM unnest(CAST(:outboxEventIds AS UUID[]), CAST(:outboxTopics AS TEXT[]), CAST(:outboxKeys AS TEXT[]),
                        CAST(:outboxTypes AS TEXT[]), CAST(:outboxSources AS TEXT[]), CAST(:outboxPayloads AS TEXT[]),
                        CAST(:outboxTraceparents AS TEXT[]), CAST(:outboxOccurredAts AS TEXT[]))
                 WITH ORDINALITY AS e(event_id, topic, message_key, ce_type, ce_source, payload, traceparent,
                                      occurred_at, position)
            ORDER BY e.position""";

    private final DatabaseClient database;
    private final EventCodec codec;

    public Outbox(DatabaseClient database, EventCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    /**
     * A sub-statement for a data-modifying {@code WITH} of the caller's that appends an
     * {@link Entry}'s row once per row of {@code written}, the caller's sub-statement that writes the
     * business row and returns it: the event is appended exactly when the row is written, and in
     * the same round trip. Bind the entry with {@link Entry#bind}; call {@link Entry#appended} once
     * the statement succeeded.
     */
    public static String appendFor(String written) {
        return INTO + "SELECT " + ROW + " FROM " + written;
    }

    /**
     * A sub-statement for a data-modifying {@code WITH} of the caller's that appends the rows of
     * several entries, in their order, whatever else the statement writes: for a statement that writes
     * several business rows at once and fails or succeeds as a whole. Bind the entries with
     * {@link #bindRows}; call {@link Entry#appended} on each once the statement succeeded.
     */
    public static String appendRows() {
        return INTO + ROWS;
    }

    /** Binds the rows of {@code entries} ({@code outbox…s}) to a statement with {@link #appendRows}. */
    public static DatabaseClient.GenericExecuteSpec bindRows(DatabaseClient.GenericExecuteSpec spec,
            List<Entry> entries) {
        Base64.Encoder base64 = Base64.getEncoder();
        return spec.bind("outboxEventIds", entries.stream().map(entry -> UUID.randomUUID()).toArray(UUID[]::new))
                .bind("outboxTopics", entries.stream().map(entry -> entry.type.topic()).toArray(String[]::new))
                .bind("outboxKeys", entries.stream().map(entry -> entry.event.aggregateId()).toArray(String[]::new))
                .bind("outboxTypes", entries.stream().map(entry -> entry.type.ceType()).toArray(String[]::new))
                .bind("outboxSources", entries.stream().map(entry -> entry.type.source()).toArray(String[]::new))
                .bind("outboxPayloads", entries.stream().map(entry -> base64.encodeToString(entry.payload))
                        .toArray(String[]::new))
                .bind("outboxTraceparents", entries.stream()
                        .map(entry -> entry.traceparent == null ? "" : entry.traceparent).toArray(String[]::new))
                .bind("outboxOccurredAts", entries.stream()
                        .map(entry -> entry.event.occurredAt().atOffset(ZoneOffset.UTC).toString())
                        .toArray(String[]::new));
    }

    public Mono<Void> append(IntegrationEvent event) {
        return entry(event).flatMap(entry -> entry.bind(database.sql(INTO + "VALUES (" + ROW + ")"))
                .fetch().rowsUpdated()
                .<Void>handle((appended, sink) -> entry.appended())
                .then());
    }

    public Mono<Void> appendAll(List<? extends IntegrationEvent> events) {
        return Flux.fromIterable(events).concatMap(this::append).then();
    }

    /**
     * The outbox row of {@code event}, checked against its schema and with the caller's trace, for a
     * statement that writes it together with the business row ({@link #appendFor}).
     */
    public Mono<Entry> entry(IntegrationEvent event) {
        return Mono.deferContextual(context -> {
            String traceparent = context.<String>getOrEmpty(Traceparent.CONTEXT_KEY).filter(Traceparent::isValid)
                    .orElse(null);
            return Mono.just(new Entry(event, EventType.of(event), codec.encode(event), traceparent));
        });
    }

    /** One event as its outbox row: what {@link #appendFor} appends. */
    public static final class Entry {

        private final IntegrationEvent event;
        private final EventType type;
        private final byte[] payload;
        private final String traceparent;

        private Entry(IntegrationEvent event, EventType type, byte[] payload, String traceparent) {
            this.event = event;
            this.type = type;
            this.payload = payload;
            this.traceparent = traceparent;
        }

        /** Binds the row's parameters ({@code outbox…}) to the statement. */
        public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            DatabaseClient.GenericExecuteSpec row = spec
                    .bind("outboxEventId", UUID.randomUUID())
                    .bind("outboxTopic", type.topic())
                    .bind("outboxKey", event.aggregateId())
                    .bind("outboxType", type.ceType())
                    .bind("outboxSource", type.source())
                    .bind("outboxPayload", payload)
                    .bind("outboxOccurredAt", event.occurredAt().atOffset(ZoneOffset.UTC));
            return traceparent == null ? row.bindNull("outboxTraceparent", String.class)
                    : row.bind("outboxTraceparent", traceparent);
        }

        /**
         * The service's one log line for an accepted write; after the statement that appended the row,
         * from a {@code handle} operator, so that the line names the request's trace.
         */
        public void appended() {
            log.info("event {} appended for aggregate {}", type.ceType(), event.aggregateId());
        }

        /**
         * {@link #appended} when {@code written}: for a statement that appends the row only with the
         * business row it writes, when it did. Gives {@code written} back.
         */
        public boolean appendedIf(boolean written) {
            if (written) {
                appended();
            }
            return written;
        }
    }
}
