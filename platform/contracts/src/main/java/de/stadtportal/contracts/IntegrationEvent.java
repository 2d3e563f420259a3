package de.stadtportal.contracts;

import java.time.Instant;

/**
 * An event one service publishes for the others. It is sealed so that consumers can handle every kind
 * exhaustively and the compiler points at them when a new kind is added.
 * <p>
 * {@link #aggregateId()} is also the Kafka key, which keeps all events of one aggregate in one partition
 * and therefore in order. {@link #version()} grows with every change of the aggregate; a consumer that has
 * already applied a version ignores equal or older ones.
 */
public sealed interface IntegrationEvent
        permits CityChanged, CityRemoved, ArticlePublished, ArticleWithdrawn, MediaChanged, MediaRemoved,
                VenueChanged, VenueRemoved, EventPublished, EventWithdrawn {

    String aggregateId();

    long version();

    Instant occurredAt();

    default EventType type() {
        return EventType.of(this);
    }
}
