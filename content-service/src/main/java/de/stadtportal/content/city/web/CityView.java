package de.stadtportal.content.city.web;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.web.ImageView;
import de.stadtportal.content.media.web.MediaLinks;
import de.stadtportal.content.city.domain.City;
import de.stadtportal.content.city.domain.Portrait;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import reactor.core.publisher.Mono;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A city as the API serves it. */
record CityView(String slug, String name, String claim, String motto, String intro, Map<String, String> facts,
        ImageView heroImage, List<String> neighbours, long version, OffsetDateTime updatedAt) {

    /** The city with its hero image as {@code links} shows it, library items found beforehand. */
    static CityView of(City city, MediaLinks links, Map<UUID, Media> items) {
        var portrait = city.portrait();
        return new CityView(city.slug(), portrait.name(), portrait.claim(), portrait.motto(), portrait.intro(),
                portrait.facts(),
                portrait.heroImage() == null ? null : links.image(portrait.heroImage().url(), portrait.heroImage().alt(),
                        portrait.heroImage().mediaId(), items, "de"),
                portrait.neighbours(), city.version(), PortalTime.local(city.updatedAt()));
    }

    /** The library items the cities' hero images name, found at once. */
    static Mono<Map<UUID, Media>> items(MediaLinks links, Collection<City> cities) {
        return links.find(cities.stream().map(city -> city.portrait().heroImage())
                .filter(Objects::nonNull).map(Portrait.HeroImage::mediaId).toList());
    }
}
