/**
 * {@code search_document} and {@code search_word}: one statement writes a document and its words,
 * guarded by the version, so either both happen or neither and an older version never wins.
 */
package de.stadtportal.search.indexing.persistence;
