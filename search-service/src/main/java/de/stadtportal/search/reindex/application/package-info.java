/**
 * Starting a reindex and replaying the topics into a new generation; one at a time, with its
 * progress in memory, and refused while another runs.
 */
package de.stadtportal.search.reindex.application;
