package de.stadtportal.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

public record CitySnapshot(
        String slug,
        String name,
        String claim,
        String motto,
        String intro,
        Map<String, String> facts,
        Image heroImage,
        List<String> neighbours) {

    public CitySnapshot {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        facts = Checks.orderedMapOf(facts);
        neighbours = Checks.listOf(neighbours);
    }
}
