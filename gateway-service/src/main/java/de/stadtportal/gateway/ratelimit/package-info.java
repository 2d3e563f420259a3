/**
 * A rate limit per client at the edge, with separate allowances for reads and writes. Every request
 * pays at its client address before its token is checked (the address behind trusted proxies; IPv6
 * by its /64), so that forged tokens are limited like everything else and cost no signature check
 * once refused; a request whose token is verified then pays from its subject's budget instead. Buckets live in memory by default; with
 * {@code stadtportal.gateway.rate-limit.store=redis} they live in Redis, so that several gateway
 * instances share one budget per client. {@link de.stadtportal.gateway.ratelimit.RateLimiter} is
 * the seam between the filter and the store. The city portal learns its visitor's address from the
 * route to it ({@link de.stadtportal.gateway.ratelimit.PortalVisitorAddress}) and passes it back on
 * its API reads, so that visitors, not the portal, pay for what their pages read.
 */
package de.stadtportal.gateway.ratelimit;
