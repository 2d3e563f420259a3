package de.stadtportal.messaging.envelope;

import java.time.Instant;
import java.util.UUID;

/** One event on its way out: what the outbox stored, ready to be wrapped into a CloudEvent. */
public record OutgoingMessage(
        UUID eventId, String topic, String key, String type, String source, byte[] payload, String traceparent,
        Instant occurredAt) {
}
