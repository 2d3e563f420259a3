package de.stadtportal.events.event.web;

import de.stadtportal.events.event.application.ImportedEvents;
import java.util.List;

/**
 * The answer to {@code POST /api/events/import}: the events made, in the calendar's order, and the
 * entries left as they were because an import made their event before ({@code uid}, {@code id}).
 */
record EventImportView(List<EventView> events, List<ImportedEvents.Unchanged> unchanged) {
}
