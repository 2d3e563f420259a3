/**
 * The topics a service owns, declared by that service: the producer of a topic creates it (and its
 * dead-letter topic) at start with the platform's partition count and replication, so the broker's
 * topics have one definition, the same wherever the platform runs (launcher, Compose, Kubernetes).
 */
package de.stadtportal.messaging.topic;
