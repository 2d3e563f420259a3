/**
 * {@code search_generation}: building, active, retired or failed. Queries resolve the active
 * generation inside their own statement, so a switch is seen entirely or not at all.
 */
package de.stadtportal.search.reindex.persistence;
