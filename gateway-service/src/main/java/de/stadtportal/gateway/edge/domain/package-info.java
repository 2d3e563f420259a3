/**
 * Who a request came from, as plain values: the {@link de.stadtportal.gateway.edge.domain.TrustedProxies}
 * the operator vouches for, the {@link de.stadtportal.gateway.edge.domain.ForwardedChain} the proxies
 * wrote, and the {@link de.stadtportal.gateway.edge.domain.ClientAddress} that follows from both.
 * Addresses are read as literals only ({@link de.stadtportal.gateway.edge.domain.IpLiteral}), never
 * looked up.
 */
package de.stadtportal.gateway.edge.domain;
