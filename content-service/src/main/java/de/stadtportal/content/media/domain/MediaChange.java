package de.stadtportal.content.media.domain;

import java.util.List;

/** A decision of the {@link Media} aggregate: its next state and the events that state causes. */
public record MediaChange(Media media, List<MediaEvent> events) {

    public MediaChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
