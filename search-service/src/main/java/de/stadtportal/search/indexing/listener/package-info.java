/**
 * The Kafka side of indexing: records of the four topics become index changes. The envelope is
 * read first, so a record that breaks its contract is dead-lettered before anything is written.
 */
package de.stadtportal.search.indexing.listener;
