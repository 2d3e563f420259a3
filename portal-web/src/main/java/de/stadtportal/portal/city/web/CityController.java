package de.stadtportal.portal.city.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Article;
import de.stadtportal.portal.api.Category;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Highlight;
import de.stadtportal.portal.api.Items;
import de.stadtportal.portal.api.Lists;
import de.stadtportal.portal.api.Occurrence;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageMeta;
import de.stadtportal.portal.page.PageNotFound;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /}: the default city and the others; {@code /{city}}: the city portrait. */
@Controller
class CityController {

    private static final int ARTICLES_PER_TOPIC = 3;
    private static final int NEXT_EVENTS = 6;

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;
    private final Duration timeout;

    CityController(PlatformApi api, PortalProperties settings, Links links) {
        this.api = api;
        this.settings = settings;
        this.links = links;
        this.timeout = settings.partTimeout();
    }

    @GetMapping("/")
    Mono<Rendering> start() {
        Mono<City> city = PageNotFound.unlessFound(api.read("/api/cities/" + settings.defaultCity(), Map.of(),
                City.class), "The default city");
        Mono<Part<List<City>>> all = Part.of("cities", api.read("/api/cities", Map.of("limit", 100), Lists.CITIES)
                .map(Items::items), List.of(), timeout);
        return Mono.zip(city, all).map(read -> {
            City shown = read.getT1();
            PageMeta meta = PageMeta.of("Stadtportal – " + shown.name() + " und die Städte des Ruhrgebiets",
                    shown.name() + " – " + shown.claim() + ". " + shown.motto() + ".", settings.base() + "/")
                    .withImage(shown.heroImage() == null ? null : shown.heroImage().url());
            List<City> others = read.getT2().value().stream()
                    .filter(other -> !other.slug().equals(shown.slug())).toList();
            return Rendering.view("start").modelAttribute("meta", meta).modelAttribute("city", shown)
                    .modelAttribute("others", new Part<>(others, read.getT2().unavailable()))
                    .header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.CITY, read.getT2().unavailable())).build();
        });
    }

    @GetMapping("/{city:" + Links.SLUG + "}")
    Mono<Rendering> city(@PathVariable String city, @RequestParam(name = "kategorie", required = false) String category) {
        String path = "/api/cities/" + city;
        Mono<City> portrait = PageNotFound.unlessFound(api.read(path, Map.of(), City.class), "The city " + city);
        Mono<Part<List<Highlight>>> highlights = Part.of("highlights",
                api.read(path + "/highlights", Map.of(), Lists.HIGHLIGHTS).map(Items::items)
                        .map(teasers -> followable(teasers, city)), List.of(), timeout);
        Mono<List<CityPage.Topic>> topics = Flux.fromIterable(Links.PORTRAIT_TOPICS)
                .flatMapSequential(topic -> Part.<List<Article>>of("articles " + topic,
                        api.read(path + "/articles", Map.of("topic", topic, "limit", ARTICLES_PER_TOPIC), Lists.ARTICLES)
                                .map(Items::items), List.of(), timeout)
                        .map(articles -> new CityPage.Topic(topic, Links.TOPICS.get(topic), articles)))
                .collectList();
        Map<String, Object> eventQuery = new HashMap<>();
        eventQuery.put("city", city);
        eventQuery.put("limit", NEXT_EVENTS);
        eventQuery.put("category", category);
        Mono<Part<List<Occurrence>>> events = Part.of("events",
                api.read("/api/events", eventQuery, Lists.OCCURRENCES).map(Items::items), List.of(), timeout);
        Mono<Part<List<Category>>> categories = Part.of("categories",
                api.read("/api/events/categories", Map.of(), Lists.CATEGORIES).map(Items::items), List.of(), timeout);
        Mono<Part<List<City>>> all = Part.of("cities", api.read("/api/cities", Map.of("limit", 100), Lists.CITIES)
                .map(Items::items), List.of(), timeout);

        return Mono.zip(portrait, highlights, topics, events, categories, all).map(read -> {
            City shown = read.getT1();
            List<City> neighbours = read.getT6().value().stream()
                    .filter(other -> shown.neighbours() != null && shown.neighbours().contains(other.slug())).toList();
            PageMeta meta = PageMeta.of(shown.name() + " – " + shown.claim(),
                    shown.motto() + ". " + firstSentence(shown.intro()), settings.base() + "/" + shown.slug())
                    .withImage(shown.heroImage() == null ? null : shown.heroImage().url());
            CityPage page = new CityPage(meta, shown, read.getT2(), read.getT3(), read.getT4(), read.getT5().value(),
                    category, new Part<>(neighbours, read.getT6().unavailable()));
            return Rendering.view("city").modelAttribute("meta", meta).modelAttribute("page", page)
                    .header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.CITY, page.degraded())).build();
        });
    }

    /** A teaser is a link; one whose link the portal cannot show (not http(s), unknown) is left out. */
    private List<Highlight> followable(List<Highlight> teasers, String city) {
        return teasers.stream().filter(teaser -> teaser.link() != null && links.of(teaser.link().href(), city) != null)
                .toList();
    }

    /** A description is a sentence or two, not the whole intro. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end + 1) : text;
        return sentence.length() > 200 ? sentence.substring(0, 197) + "…" : sentence;
    }
}
