/**
 * Signing in: the login page (no script, German or English, CSRF-protected), the back-off after failed
 * attempts per user name and per address, and ending a disabled person's sessions and grants.
 */
package de.stadtportal.identity.signin;
