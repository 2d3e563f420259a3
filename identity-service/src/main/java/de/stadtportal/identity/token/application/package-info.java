/**
 * The claims customizer, the refresh token generator for all clients, and the public client's
 * authentication for the refresh grant.
 */
package de.stadtportal.identity.token.application;
