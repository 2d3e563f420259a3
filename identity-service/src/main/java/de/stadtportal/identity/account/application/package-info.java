/**
 * The administrators' use cases, one transaction each with their audit rows, and the accounts as
 * Spring Security reads them at sign-in.
 */
package de.stadtportal.identity.account.application;
