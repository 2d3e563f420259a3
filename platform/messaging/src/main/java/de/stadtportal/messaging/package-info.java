/**
 * How the services talk: only through Kafka, never by calling each other. A producer writes its
 * events into an outbox table in the same transaction as the business change ({@code outbox}); a
 * relay carries them to Kafka as CloudEvents in binary mode ({@code envelope}), in order per
 * aggregate, and keeps them while Kafka is away. Consumers apply an event only when its aggregate
 * version is newer than what they have ({@code consumer}), so redelivery and replay are harmless,
 * and a message they cannot process goes to its dead-letter topic while consumption goes on.
 */
package de.stadtportal.messaging;
