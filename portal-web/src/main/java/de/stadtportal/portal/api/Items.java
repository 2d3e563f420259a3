package de.stadtportal.portal.api;

import java.util.List;

/** Every list of the API: a page of items and the cursor of the next page, null on the last. */
public record Items<T>(List<T> items, String next) {

    public static <T> Items<T> none() {
        return new Items<>(List.of(), null);
    }

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
