package de.stadtportal.content.city.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

    /** An item of the media library ({@code alt} then overrides its alt text) or an image by its URL. */
    public record HeroImage(String url, String alt, UUID mediaId) {

        public HeroImage {
            if (url == null && mediaId == null) {
                throw new IllegalArgumentException("A hero image is a media item or a URL");
            }
        }

        public HeroImage(String url, String alt) {
            this(url, alt, null);
        }
    }
}
