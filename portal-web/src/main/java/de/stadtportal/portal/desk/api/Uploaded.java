package de.stadtportal.portal.desk.api;

/**
 * What an upload answered: the library item, and whether the city already had these bytes
 * ({@code existing}: the API answered 200 with the item as it was and did not apply the description
 * sent with the file, rather than 201 with a new item).
 */
public record Uploaded(DeskMedia item, boolean existing) {
}
