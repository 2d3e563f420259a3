/**
 * Venues in PostgreSQL, with a GiST index on their position for radius queries. Every statement is a
 * named constant; optional parts of a query are predicates that a NULL parameter switches off.
 */
package de.stadtportal.events.venue.persistence;
