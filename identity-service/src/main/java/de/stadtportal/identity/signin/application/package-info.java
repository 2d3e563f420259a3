/**
 * Counting failures and deciding whether an attempt waits; ending sessions and grants; cleaning up expired grants.
 */
package de.stadtportal.identity.signin.application;
