/**
 * A rate limit per client at the edge, with separate allowances for reads and writes. The client is
 * the verified token's subject, else the connection's address (forwarded headers are trusted only
 * when the operator says so). Buckets live in memory by default; {@link
 * de.stadtportal.gateway.ratelimit.RateLimiter} is the seam for a shared store such as Redis when
 * several gateway instances must share one budget.
 */
package de.stadtportal.gateway.ratelimit;
