/**
 * Starting a reindex and replaying the topics into a new generation; one at a time across all
 * instances, its progress stored with the generation under a lease its instance renews, and
 * refused while another runs.
 */
package de.stadtportal.search.reindex.application;
