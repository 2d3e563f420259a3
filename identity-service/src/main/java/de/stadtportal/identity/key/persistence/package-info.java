/**
 * The {@code signing_key} table; rotations are serialised across instances with an advisory lock.
 */
package de.stadtportal.identity.key.persistence;
