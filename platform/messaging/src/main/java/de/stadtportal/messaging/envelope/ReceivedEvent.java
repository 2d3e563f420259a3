package de.stadtportal.messaging.envelope;

import de.stadtportal.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * An event as a consumer receives it: the decoded contract event plus what the envelope and the
 * record say about it (its CloudEvent id and time, the trace, where it was read).
 */
public record ReceivedEvent(
        String id, String type, Instant time, IntegrationEvent event, String traceparent,
        String topic, int partition, long offset) {
}
