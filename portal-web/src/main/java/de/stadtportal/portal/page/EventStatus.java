package de.stadtportal.portal.page;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What an event's status means to a visitor ({@code @eventStatus} in the templates). A scheduled
 * event needs no word; every other status is shown next to the event, never used to hide it.
 */
@Component("eventStatus")
public class EventStatus {

    private static final Map<String, String> LABELS = Map.of(
            "cancelled", "Abgesagt",
            "postponed", "Verschoben",
            "rescheduled", "Neuer Termin",
            "sold_out", "Ausverkauft");

    /** The word for the status, or null for a scheduled event. */
    public String label(String status) {
        return status == null ? null : LABELS.get(status);
    }

    public boolean isCancelled(String status) {
        return "cancelled".equals(status);
    }
}
