package de.stadtportal.content.city.web;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.content.web.ImageBody;
import de.stadtportal.content.city.domain.City;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A city as the API serves it. */
record CityView(String slug, String name, String claim, String motto, String intro, Map<String, String> facts,
        ImageBody heroImage, List<String> neighbours, long version, OffsetDateTime updatedAt) {

    static CityView of(City city) {
        var portrait = city.portrait();
        return new CityView(city.slug(), portrait.name(), portrait.claim(), portrait.motto(), portrait.intro(),
                portrait.facts(),
                portrait.heroImage() == null ? null : new ImageBody(portrait.heroImage().url(), portrait.heroImage().alt()),
                portrait.neighbours(), city.version(), PortalTime.local(city.updatedAt()));
    }
}
