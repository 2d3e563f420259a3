package de.stadtportal.messaging.outbox;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Traceparent;
import java.time.ZoneOffset;
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
 * reaching a consumer.
 * <p>
 * Each appended event is one INFO line of {@code de.stadtportal.messaging.outbox.Outbox}, written in
 * the request's trace (its trace and span id in the line's MDC): the one line a service logs for an
 * accepted write. {@code logging.level.de.stadtportal.messaging.outbox.Outbox=warn} silences it.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final DatabaseClient database;
    private final EventCodec codec;

    public Outbox(DatabaseClient database, EventCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    public Mono<Void> append(IntegrationEvent event) {
        return Mono.deferContextual(context -> {
            EventType type = EventType.of(event);
            byte[] payload = codec.encode(event);
            DatabaseClient.GenericExecuteSpec row = database.sql("""
                    INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_source, payload, traceparent, occurred_at)
                    VALUES (:eventId, :topic, :key, :type, :source, :payload, :traceparent, :occurredAt)
                    """)
                    .bind("eventId", UUID.randomUUID())
                    .bind("topic", type.topic())
                    .bind("key", event.aggregateId())
                    .bind("type", type.ceType())
                    .bind("source", type.source())
                    .bind("payload", payload)
                    .bind("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC));
            String traceparent = context.<String>getOrEmpty(Traceparent.CONTEXT_KEY).filter(Traceparent::isValid).orElse(null);
            return (traceparent == null ? row.bindNull("traceparent", String.class) : row.bind("traceparent", traceparent))
                    .then()
                    .doOnSuccess(appended -> log.info("event {} appended for aggregate {}", type.ceType(),
                            event.aggregateId()));
        });
    }

    public Mono<Void> appendAll(List<? extends IntegrationEvent> events) {
        return Flux.fromIterable(events).concatMap(this::append).then();
    }
}
