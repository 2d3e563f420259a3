/**
 * {@code GET /api/cities/{city}/home}: one response with what a city's start screen shows (the
 * city, its highlights, the latest articles and the next events), fetched from content and events
 * in parallel. Each part has its own timeout and runs through its backend's circuit breaker; a
 * part that fails is left out and named, so the app still shows the rest ({@code "partial": true}).
 */
package de.stadtportal.gateway.home;
