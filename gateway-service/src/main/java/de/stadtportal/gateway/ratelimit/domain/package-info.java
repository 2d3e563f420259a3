/**
 * The token bucket as plain values: an {@link de.stadtportal.gateway.ratelimit.domain.Allowance}
 * says how much a client may do, a {@link de.stadtportal.gateway.ratelimit.domain.TokenBucket}
 * says what it has left, a {@link de.stadtportal.gateway.ratelimit.domain.ClientKey} says whose bucket a
 * request is taken from (a verified subject, else the client address; IPv6 by its /64). No clock, no store and no Spring: the caller passes the time in.
 */
package de.stadtportal.gateway.ratelimit.domain;
