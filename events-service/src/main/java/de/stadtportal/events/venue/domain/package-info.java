/**
 * Venues as plain Java: their details, the rules those must follow and the integration events a
 * change causes. Storing and publishing happen in the surrounding {@code venue} package.
 */
package de.stadtportal.events.venue.domain;
