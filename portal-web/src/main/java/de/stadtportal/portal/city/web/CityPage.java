package de.stadtportal.portal.city.web;

import de.stadtportal.portal.api.Article;
import de.stadtportal.portal.api.Category;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Highlight;
import de.stadtportal.portal.api.Occurrence;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.page.PageMeta;
import java.util.List;

/**
 * Everything the city page shows, each part read on its own.
 *
 * @param category the event category the visitor filtered by, or null
 */
record CityPage(PageMeta meta, City city, Part<List<Highlight>> highlights, List<Topic> topics,
        Part<List<Occurrence>> events, List<Category> categories, String category, Part<List<City>> others) {

    /** One of the three topics with its newest articles. */
    record Topic(String id, String heading, Part<List<Article>> articles) {
    }

    boolean degraded() {
        return highlights.unavailable() || events.unavailable() || others.unavailable()
                || topics.stream().anyMatch(topic -> topic.articles().unavailable());
    }
}
