package de.stadtportal.web.paging;

import java.util.List;

/** One page of a list, as every list endpoint answers: {@code { "items": [...], "next": "cursor or null" }}. */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
