package de.stadtportal.portal.desk.api;

import java.util.List;

/** A page of one of the API's lists and the cursor of the next, null on the last. */
public record DeskList<T>(List<T> items, String next) {

    public DeskList {
        items = items == null ? List.of() : items;
    }
}
