/**
 * The {@code sign_in_failure} table and the authorization server's {@code oauth2_authorization} grants.
 */
package de.stadtportal.identity.signin.persistence;
