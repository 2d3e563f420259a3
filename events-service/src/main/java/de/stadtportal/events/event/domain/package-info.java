/**
 * Events as plain Java: their details and rules, the lifecycle that makes each change a new
 * version and the {@link de.stadtportal.events.event.domain.EventChange}s it causes, and the
 * expansion of RFC 5545 recurrences into occurrences in the portal's time zone. ical4j parses and
 * expands the rules; it is a plain library and keeps this package free of Spring, R2DBC, Kafka and
 * Reactor. Refusals are the kernel's ({@code InvalidInput}, {@code LimitExceeded}, {@code RuleBroken}).
 */
package de.stadtportal.events.event.domain;
