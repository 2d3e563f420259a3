/**
 * {@code /api/cities/{city}/highlights}: checks each teaser of a replacement field by field (all
 * problems at once, named by JSON path) and serves the carousel with its entity tag.
 */
package de.stadtportal.content.highlight.web;
