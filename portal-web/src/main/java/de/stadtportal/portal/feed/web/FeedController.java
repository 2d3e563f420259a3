package de.stadtportal.portal.feed.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Article;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Items;
import de.stadtportal.portal.api.Lists;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageNotFound;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /sitemap.xml}, {@code /{city}/feed.atom} and {@code /robots.txt}. The sitemap follows the
 * API's cursors through each city's articles and venues up to {@value #MOST_PAGES} pages each, far
 * more than a city holds today, and not so many that one request can keep the API busy for long.
 */
@RestController
class FeedController {

    private static final int MOST_PAGES = 20;
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;

    FeedController(PlatformApi api, PortalProperties settings, Links links) {
        this.api = api;
        this.settings = settings;
        this.links = links;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header(HttpHeaders.CACHE_CONTROL, Caching.FEED)
                .body("User-agent: *\nAllow: /\nSitemap: " + settings.base() + "/sitemap.xml\n");
    }

    @GetMapping("/sitemap.xml")
    Mono<ResponseEntity<String>> sitemap() {
        String base = settings.base();
        return api.read("/api/cities", Map.of("limit", 100), Lists.CITIES).map(Items::items)
                .flatMapMany(Flux::fromIterable)
                .concatMap(city -> Flux.concat(
                        Flux.just(base + links.city(city.slug()), base + links.calendar(city.slug())),
                        all("/api/cities/" + city.slug() + "/articles", Map.of(), Lists.ARTICLES)
                                .map(article -> base + links.article(city.slug(), article.slug(), article.locale())),
                        all("/api/venues", Map.of("city", city.slug()), Lists.VENUES)
                                .map(venue -> base + links.venue(city.slug(), venue.id()))))
                .startWith(base + "/")
                .map(url -> "  <url><loc>" + Xml.text(url) + "</loc></url>\n")
                .collect(StringBuilder::new, StringBuilder::append)
                .map(urls -> ResponseEntity.ok().contentType(XML).header(HttpHeaders.CACHE_CONTROL, Caching.FEED)
                        .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + urls
                                + "</urlset>\n"));
    }

    @GetMapping("/{city:" + Links.SLUG + "}/feed.atom")
    Mono<ResponseEntity<String>> atom(@PathVariable String city) {
        Mono<City> place = PageNotFound.unlessFound(api.read("/api/cities/" + city, Map.of(), City.class),
                "The city " + city);
        Mono<List<Article>> newest = api.read("/api/cities/" + city + "/articles", Map.of("limit", 20), Lists.ARTICLES)
                .map(Items::items).defaultIfEmpty(List.of());
        return Mono.zip(place, newest).map(read -> ResponseEntity.ok().contentType(ATOM)
                .header(HttpHeaders.CACHE_CONTROL, Caching.FEED).body(atom(read.getT1(), read.getT2())));
    }

    private String atom(City city, List<Article> articles) {
        String base = settings.base();
        String self = base + "/" + city.slug() + "/feed.atom";
        OffsetDateTime updated = articles.stream().map(FeedController::changed).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n")
                .append("  <id>").append(Xml.text(self)).append("</id>\n")
                .append("  <title>").append(Xml.text(city.name() + " – " + city.claim())).append("</title>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <link rel=\"self\" href=\"").append(Xml.text(self)).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.text(base + links.city(city.slug()))).append("\"/>\n")
                .append("  <author><name>Stadtportal ").append(Xml.text(city.name())).append("</name></author>\n");
        for (Article article : articles) {
            String href = base + links.article(city.slug(), article.slug(), article.locale());
            OffsetDateTime changed = changed(article);
            feed.append("  <entry>\n")
                    .append("    <id>").append(Xml.text(href)).append("</id>\n")
                    .append("    <title>").append(Xml.text(article.title())).append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.text(href)).append("\"/>\n")
                    .append("    <updated>").append(changed == null ? updated : changed).append("</updated>\n")
                    .append("    <summary>").append(Xml.text(article.summary())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return feed.append("</feed>\n").toString();
    }

    private static OffsetDateTime changed(Article article) {
        return article.updatedAt() != null ? article.updatedAt() : article.publishedAt();
    }

    /** Every item of a list, page after page along the API's cursors. */
    private <T> Flux<T> all(String path, Map<String, Object> query,
            ParameterizedTypeReference<Items<T>> type) {
        return page(path, query, null, type)
                .expand(items -> items.next() == null ? Mono.empty() : page(path, query, items.next(), type))
                .take(MOST_PAGES)
                .flatMapIterable(Items::items);
    }

    private <T> Mono<Items<T>> page(String path, Map<String, Object> query, String cursor,
            ParameterizedTypeReference<Items<T>> type) {
        Map<String, Object> paged = new HashMap<>(query);
        paged.put("limit", 100);
        paged.put("cursor", cursor);
        return api.read(path, paged, type);
    }
}
