/**
 * The editorial desk at {@code /redaktion}: editors sign in at the platform's identity provider
 * (OpenID Connect, authorization code with PKCE) and write through the same public API as every
 * other client, with their own access token, so that the API, not the desk, decides what they may
 * change. Only the desk's paths are behind sign-in; the visitor pages never see a session.
 */
package de.stadtportal.portal.desk;
