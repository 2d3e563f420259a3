/**
 * Bearer-token security shared by every reactive service: which tokens are trusted
 * ({@code stadtportal.security.jwt.*}), each signature checked once, and the {@code Caller} read from
 * the claims a provider uses, so the services decide with one type whichever provider signed the token.
 */
package de.stadtportal.web.security;
