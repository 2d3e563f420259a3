/**
 * What every HTTP service of the platform shares, so that it is done one way: every error is an
 * RFC 9457 problem ({@code problem}); tokens are checked by each service itself and the caller's
 * roles and cities are read in one place ({@code security}); lists page with opaque cursors
 * ({@code paging}); single resources carry ETags and updates need {@code If-Match} ({@code http}).
 * Request bodies over the limit are refused with 413. Every request is traced (Micrometer Tracing,
 * W3C {@code traceparent}; {@link de.stadtportal.web.ObservabilityDefaults} says how), and the
 * request's trace is handed to the Reactor context, where the outbox picks it up.
 */
package de.stadtportal.web;
