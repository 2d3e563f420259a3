/**
 * Events as plain Java: their details and rules, the lifecycle that makes each change a new
 * version, and the expansion of RFC 5545 recurrences into occurrences in Europe/Berlin time.
 * ical4j parses and expands the rules; it is a plain library and keeps this package free of
 * Spring, R2DBC, Kafka and Reactor.
 */
package de.stadtportal.events.event.domain;
