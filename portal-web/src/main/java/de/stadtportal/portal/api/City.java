package de.stadtportal.portal.api;

import java.util.List;
import java.util.Map;

/** {@code GET /api/cities/{city}}: the portrait. */
public record City(String name, String claim, String motto, String intro, Image heroImage,
        Map<String, String> facts, String slug, List<String> neighbours) {
}
