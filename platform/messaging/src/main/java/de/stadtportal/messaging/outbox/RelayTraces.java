package de.stadtportal.messaging.outbox;

import de.stadtportal.contracts.Traceparent;
import de.stadtportal.messaging.envelope.OutgoingMessage;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The relay's part of a change's trace. An event waits in the outbox after the request that caused
 * it has ended, so the relay cannot inherit the request's span from its thread; it continues the
 * trace from the {@code traceparent} stored with the row instead. The relay's span is then the
 * parent of the Kafka producer's span, whose {@code traceparent} header the consumers continue:
 * request, outbox wait, send and consumption show as one trace, the wait as the gap before the
 * relay's span (and as its {@code outbox.waited.ms}).
 */
final class RelayTraces {

    static final String NAME = "stadtportal.outbox.relay";

    private final ObservationRegistry observations;

    RelayTraces(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** A started observation for sending one row; a row without a stored trace starts a new one. */
    Observation relaying(OutgoingMessage message, Instant appendedAt) {
        // the stored traceparent arrives like a message's header would: the tracing library extracts it
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key),
                Kind.CONSUMER);
        context.setCarrier(Traceparent.isValid(message.traceparent())
                ? Map.of(Traceparent.HEADER, message.traceparent()) : Map.of());
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName("outbox relay " + message.topic())
                .lowCardinalityKeyValue(KeyValue.of("messaging.destination.name", message.topic()))
                .highCardinalityKeyValue(KeyValue.of("outbox.waited.ms",
                        Long.toString(Math.max(0, Duration.between(appendedAt, Instant.now()).toMillis()))))
                .start();
    }

    /** Ends the observation when Kafka answered; {@code error} is null when it acknowledged. */
    void settled(Observation relayed, Throwable error) {
        if (error != null) {
            relayed.error(error);
        }
        relayed.stop();
    }
}
