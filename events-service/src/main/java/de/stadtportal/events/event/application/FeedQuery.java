package de.stadtportal.events.event.application;

/** The events of the iCalendar feed, of one city and category or of all ({@code null}). */
public record FeedQuery(String city, String category) {
}
