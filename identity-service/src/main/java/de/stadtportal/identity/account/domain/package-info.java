/**
 * An account as plain Java: what a valid one is, and which events a change causes (they become the audit).
 */
package de.stadtportal.identity.account.domain;
