/**
 * What goes into tokens: the platform's claims, and refresh tokens for the public app.
 */
package de.stadtportal.identity.token;
