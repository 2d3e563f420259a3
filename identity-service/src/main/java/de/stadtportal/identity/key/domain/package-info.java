/**
 * Which key signs, which are published and which can go, from the keys' creation and retirement times.
 */
package de.stadtportal.identity.key.domain;
