/**
 * The back-off rule, plain arithmetic over failures and time.
 */
package de.stadtportal.identity.signin.domain;
