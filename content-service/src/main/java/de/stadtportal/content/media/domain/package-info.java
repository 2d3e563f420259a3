/**
 * A media item as editors describe it (alt text, caption, credit, licence, focal point) and the
 * rules of its renditions; plain Java, deciding what changes and which events that causes.
 */
package de.stadtportal.content.media.domain;
