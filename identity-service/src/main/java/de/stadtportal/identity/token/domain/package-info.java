/**
 * What a machine client may put into its tokens: its configured ceiling, narrowed by the scopes of
 * the token request. Plain Java.
 */
package de.stadtportal.identity.token.domain;
