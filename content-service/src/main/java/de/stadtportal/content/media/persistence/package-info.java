/**
 * The media tables: {@code media} for items, {@code media_object} and {@code media_rendition} for
 * bytes (the database {@code MediaStore}), all by named statements.
 */
package de.stadtportal.content.media.persistence;
