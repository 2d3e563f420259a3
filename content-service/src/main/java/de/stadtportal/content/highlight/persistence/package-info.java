/** The {@code highlight_set} and {@code highlight} tables, as named statements. */
package de.stadtportal.content.highlight.persistence;
