/**
 * The integration events that Stadtportal services exchange: content-service publishes cities and articles,
 * events-service publishes venues and cultural events, and search-service (and anyone else) consumes them.
 * Every event carries the complete current snapshot of its aggregate rather than a diff, so a consumer can
 * build its own view, such as a search document, from a single event without calling back to the producer.
 * Each event also carries the aggregate's version; consumers apply an event only if its version is newer than
 * the one they hold, which makes redelivery and out-of-order delivery harmless. This module defines the records,
 * the topic names, one JSON Schema per event type and the {@link de.stadtportal.contracts.EventCodec} that
 * enforces those schemas on both sides. The transport envelope (CloudEvents over Kafka) lives in the messaging
 * module, not here, so that this module stays plain Java.
 */
package de.stadtportal.contracts;
