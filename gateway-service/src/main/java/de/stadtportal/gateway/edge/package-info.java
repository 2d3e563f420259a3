/**
 * What the edge adds to every request and response, routed or not: the client's address and scheme
 * as the trusted proxies report them (and only they), a correlation id and the W3C trace handed on
 * to the backend, CORS for the configured web origins only, and the security
 * headers that Spring Security does not already write.
 */
package de.stadtportal.gateway.edge;
