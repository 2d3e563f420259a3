package de.stadtportal.content.city.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a city says about itself. Facts keep their order, because apps show them as a list in the
 * order the editor chose ("9 Hochschulen" before "Rang 6 der Hochschulstädte").
 */
public record Portrait(String name, String claim, String motto, String intro, Map<String, String> facts,
        HeroImage heroImage, List<String> neighbours) {

    public Portrait {
        Objects.requireNonNull(name, "name");
        intro = intro == null ? "" : intro;
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }

    public record HeroImage(String url, String alt) {

        public HeroImage {
            Objects.requireNonNull(url, "url");
        }
    }
}
