/**
 * The admin API on accounts: JSON in and out, the caller from the bearer token.
 */
package de.stadtportal.identity.account.web;
