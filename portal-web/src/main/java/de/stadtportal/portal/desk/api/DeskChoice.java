package de.stadtportal.portal.desk.api;

/**
 * One option of a choice the API offers: a venue ({@code id}, {@code name}) or an event category
 * ({@code id}, {@code label}), whichever of the two names it has.
 */
public record DeskChoice(String id, String name, String label) {

    public String text() {
        return name != null ? name : label != null ? label : id;
    }
}
