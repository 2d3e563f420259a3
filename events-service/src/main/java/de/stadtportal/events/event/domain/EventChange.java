package de.stadtportal.events.event.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What other services must learn about an event (the domain events of the event aggregate; named
 * for the change, since "EventEvent" would say nothing). The application layer turns them into the
 * contract events, adding the venue the event takes place at.
 */
public sealed interface EventChange {

    /** The event is as shown, in a new version: created, edited, a lifecycle step, or announced again. */
    record Published(Event event) implements EventChange {
    }

    /** The event is gone; {@code version} follows its last change. */
    record Withdrawn(UUID id, long version, Instant at, String city) implements EventChange {
    }
}
