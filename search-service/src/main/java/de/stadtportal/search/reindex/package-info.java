/**
 * Rebuilds the index from the beginning of the compacted topics without a moment of empty or
 * partial answers: a new generation is filled beside the active one, which keeps answering, and
 * becomes active in one transaction once it has caught up; the old one is deleted afterwards.
 */
package de.stadtportal.search.reindex;
