/**
 * The whole platform on one machine, as a new user meets it first: {@code ./stadtportal up} starts
 * an embedded PostgreSQL and an in-process Kafka broker keeping their data under
 * {@code .stadtportal/}, then the four services as separate JVMs, waits until they are ready, loads
 * the demo data once through the public API and prints where to go. {@code ./stadtportal token}
 * mints a token that this local platform accepts.
 */
package de.stadtportal.launcher;
