/**
 * The media library: images editors upload once and the platform serves in the widths and formats
 * clients need. Articles, city portraits and highlights refer to its items by id; it knows none of
 * them in code, only which rows of theirs name an item (to refuse deleting one still in use).
 */
package de.stadtportal.content.media;
