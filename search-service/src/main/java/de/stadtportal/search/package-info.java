/**
 * The search service: a German full-text index over the articles, events, venues and city portraits
 * of every city, filled only from the four topics and never from another service's database.
 * {@code document} decides what a contract event means for the index, {@code indexing} keeps the
 * index in step with the topics, {@code query} answers searches and suggestions, and
 * {@code reindex} rebuilds the index from the beginning of the topics while the old copy answers.
 */
package de.stadtportal.search;
