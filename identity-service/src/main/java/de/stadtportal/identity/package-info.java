/**
 * The identity service: the platform's own OpenID Connect provider on Spring Authorization Server.
 * People sign in on its login page and their apps get RS256 tokens with {@code roles} and {@code cities};
 * scripts get such tokens by client credentials; every Stadtportal service verifies them through the
 * published JWK set. A servlet application with JDBC, as the library is.
 * <p>
 * The root package wires the library (filter chains, grant storage, token generator); the features are
 * {@code account} (people and the admin API), {@code signin} (login page, back-off, ending sessions),
 * {@code key} (signing keys and their rotation) and {@code token} (claims and refresh tokens). See
 * docs/identity-service.md.
 */
package de.stadtportal.identity;
