/**
 * RS256 signing keys in the database: one signs, retired ones stay published until their tokens have
 * expired, rotation by schedule or by an administrator.
 */
package de.stadtportal.identity.key;
