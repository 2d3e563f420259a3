/**
 * What a client gets when a backend does not answer: every route runs through a Resilience4j
 * circuit breaker named after its backend ({@code content}, {@code events}, {@code search}) and
 * falls back to {@link de.stadtportal.gateway.resilience.BackendUnavailable}, a 503 problem. A
 * timeout or refused connection is counted; once the breaker is open, requests are answered at
 * once without touching the backend until it is probed again.
 */
package de.stadtportal.gateway.resilience;
