/**
 * The indexing use case: a contract event read as an index change ({@code IndexChanges}) goes
 * into the live generations or, during a reindex, into the one being built; the documents gauge
 * is refreshed on a schedule, since counting a large index on every scrape costs more than the
 * figure is worth.
 */
package de.stadtportal.search.indexing.application;
