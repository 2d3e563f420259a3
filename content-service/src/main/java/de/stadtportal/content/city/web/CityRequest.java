package de.stadtportal.content.city.web;

import de.stadtportal.content.web.ImageBody;
import de.stadtportal.content.city.domain.City;
import de.stadtportal.content.city.domain.Portrait;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body of {@code PUT /api/cities/{city}}: the whole portrait, replacing the previous one. */
record CityRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 200) String claim,
        @Size(max = 200) String motto,
        @Size(max = 5000) String intro,
        @Size(max = 30) Map<@NotBlank @Size(max = 80) String, @NotNull @Size(max = 200) String> facts,
        @Valid ImageBody heroImage,
        @Size(max = 20) List<@NotNull @Pattern(regexp = City.SLUG_PATTERN, message = "must be a city slug") String> neighbours) {

    Portrait portrait() {
        return new Portrait(name.strip(), claim, motto, intro, facts,
                heroImage == null ? null : new Portrait.HeroImage(heroImage.url(), heroImage.alt(), heroImage.mediaId()),
                neighbours);
    }
}
