package de.stadtportal.portal.desk.api;

import java.util.List;

/**
 * What an import of a calendar did: the events it made, in the calendar's order, and the entries it
 * left as they were because an earlier import made their event ({@code uid}, {@code id}).
 */
public record DeskImport(List<DeskEvent> events, List<Kept> unchanged) {

    public DeskImport {
        events = events == null ? List.of() : List.copyOf(events);
        unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
    }

    /** An entry imported before, and the event made of it then. */
    public record Kept(String uid, String id) {
    }
}
