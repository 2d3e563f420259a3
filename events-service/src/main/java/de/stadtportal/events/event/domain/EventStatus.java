package de.stadtportal.events.event.domain;

import java.util.Locale;

/** Where an event stands. A cancelled event stays listed, marked as such, so nobody travels in vain. */
public enum EventStatus {
    SCHEDULED, CANCELLED, POSTPONED, RESCHEDULED, SOLD_OUT;

    /** The name the API and the contracts use, e.g. {@code sold_out}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus ofApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
