/**
 * The one front door of Stadtportal. Spring Cloud Gateway routes every public path to the service
 * that owns it (the routes are configuration, see {@code application.yml}); around the routes sit
 * the edge's own concerns, one package each: correlation ids, CORS and security headers
 * ({@code edge}), a per-client rate limit ({@code ratelimit}), the answer when a backend is down
 * ({@code resilience}) and the city home aggregate for mobile clients ({@code home}).
 * Tokens are checked here exactly as in the services, by the shared web module, so a write without
 * a valid token never reaches a backend; the services check the token again themselves.
 */
package de.stadtportal.gateway;
