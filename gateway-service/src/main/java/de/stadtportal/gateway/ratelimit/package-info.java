/**
 * A rate limit per client at the edge, with separate allowances for reads and writes. The client is
 * the verified token's subject, else the connection's address (forwarded headers are trusted only
 * when the operator says so). Buckets live in memory by default; with
 * {@code stadtportal.gateway.rate-limit.store=redis} they live in Redis, so that several gateway
 * instances share one budget per client. {@link de.stadtportal.gateway.ratelimit.RateLimiter} is
 * the seam between the filter and the store.
 */
package de.stadtportal.gateway.ratelimit;
