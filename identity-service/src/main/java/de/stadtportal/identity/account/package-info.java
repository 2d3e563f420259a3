/**
 * Accounts of the people who sign in: name, password hash, roles, cities, enabled. Administrators
 * manage them through {@code /api/identity/users}; every change is a row in the audit. Disabling an
 * account ends its sessions and grants at once (through {@link de.stadtportal.identity.account.application.SignOuts}).
 */
package de.stadtportal.identity.account;
