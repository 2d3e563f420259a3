package de.stadtportal.portal.api;

import java.util.List;
import java.util.Map;

/** {@code GET /api/cities/{city}}: the portrait. */
public record City(String slug, String name, String claim, String motto, String intro, Map<String, String> facts,
        Image heroImage, List<String> neighbours) {
}
