package de.stadtportal.events.venue.domain;

/** Where a venue is, as a postal address in Germany. */
public record Address(String street, String postalCode, String locality) {
}
