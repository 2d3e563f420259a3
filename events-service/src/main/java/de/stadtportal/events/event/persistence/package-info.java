/**
 * Events and the listing of their starts in PostgreSQL, through R2DBC. Every statement is a named
 * text-block constant; optional filters are predicates that a NULL parameter switches off
 * ({@code (CAST(:city AS TEXT) IS NULL OR e.city = :city)}), never SQL assembled per request.
 */
package de.stadtportal.events.event.persistence;
