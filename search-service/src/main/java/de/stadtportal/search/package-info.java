/**
 * The search service: a German full-text index over the articles, events, venues and city portraits
 * of every city, filled only from the four topics and never from another service's database. Each
 * feature has the layers of docs/architecture.md: {@code document} decides what a searchable
 * document is and how German is folded (domain only), {@code indexing} keeps the index in step with
 * the topics, {@code query} answers searches and suggestions, and {@code reindex} rebuilds the
 * index from the beginning of the topics while the old copy answers.
 */
package de.stadtportal.search;
