/**
 * Keeps the index in step with the four topics. Every write is one guarded upsert: a document is
 * replaced only by a newer version of its aggregate, and a removal stays behind as a tombstone, so
 * duplicates, replays and late deliveries leave the index exactly as the newest versions say.
 */
package de.stadtportal.search.indexing;
