package de.stadtportal.events.venue.application;

import java.util.UUID;

/** A page of venues by name, of one city ({@code null}: all), after a position ({@code null}: from the start). */
public record VenueQuery(String city, After after, int limit) {

    /** The last venue of the previous page; {@link #START} before the first. */
    public record After(String name, UUID id) {

        public static final After START = new After(null, null);
    }
}
