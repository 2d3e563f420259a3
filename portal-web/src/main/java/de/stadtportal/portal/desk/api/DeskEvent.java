package de.stadtportal.portal.desk.api;

/** An event as the API answers a write: enough to link to it. */
public record DeskEvent(String id, String title, String status) {
}
