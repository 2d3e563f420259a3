package de.stadtportal.events.event.application;

import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.EventSnapshot;
import de.stadtportal.contracts.EventWithdrawn;
import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Price;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventChange;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.venue.application.VenueIntegrationEvents;
import de.stadtportal.events.venue.domain.Venue;

/**
 * An event's domain events as the contract events on {@code events.events.v1}. A published event
 * carries its venue and its next starts as of the version's change, so search never has to ask back.
 */
final class EventIntegrationEvents {

    private EventIntegrationEvents() {
    }

    /** The contract event for {@code change}; {@code venue} is where the event takes place (unused for a withdrawal). */
    static IntegrationEvent of(EventChange change, Venue venue) {
        if (change instanceof EventChange.Published published) {
            return published(published.event(), venue);
        }
        EventChange.Withdrawn withdrawn = (EventChange.Withdrawn) change;
        return new EventWithdrawn(withdrawn.id().toString(), withdrawn.version(), withdrawn.at(), withdrawn.city());
    }

    private static EventPublished published(Event event, Venue venue) {
        EventDetails d = event.details();
        return new EventPublished(event.id().toString(), event.version(), event.updatedAt(), new EventSnapshot(
                event.id().toString(), d.city(), d.title(), d.description(), d.category(), event.status().apiName(),
                Event.local(d.start()), Event.local(d.end()), d.allDay(), d.recurring() ? d.recurrence().rrule() : null,
                event.nextStarts(event.updatedAt()), VenueIntegrationEvents.ref(venue), price(d), d.price().free(),
                d.accessibility(), d.language(), d.tags(),
                d.image() == null ? null : new Image(d.image().url(), d.image().alt()),
                Event.local(event.previousStart())));
    }

    private static Price price(EventDetails d) {
        return new Price(d.price().free(), d.price().min(), d.price().max(), d.price().currency());
    }
}
