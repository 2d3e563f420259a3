/**
 * The whole platform on one machine, as a new user meets it first: {@code ./stadtportal up} starts
 * an embedded PostgreSQL and an in-process Kafka broker keeping their data under
 * {@code .stadtportal/}, then the services as separate JVMs (identity-service, the platform's
 * OpenID Connect provider, among them), waits until they are ready, loads the demo data once through
 * the public API and prints where to go. {@code ./stadtportal token} asks the running provider for a
 * token by client credentials.
 */
package de.stadtportal.launcher;
