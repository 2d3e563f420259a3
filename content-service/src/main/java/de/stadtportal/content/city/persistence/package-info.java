/** The {@code city} table, as named statements. */
package de.stadtportal.content.city.persistence;
