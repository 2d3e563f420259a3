/**
 * The {@code account} and {@code account_audit} tables, as named statements.
 */
package de.stadtportal.identity.account.persistence;
