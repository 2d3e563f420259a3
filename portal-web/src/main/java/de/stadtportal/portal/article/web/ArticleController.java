package de.stadtportal.portal.article.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Article;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageMeta;
import de.stadtportal.portal.page.PageNotFound;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /{city}/artikel/{slug}?locale=en}. */
@Controller
class ArticleController {

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;

    ArticleController(PlatformApi api, PortalProperties settings, Links links) {
        this.api = api;
        this.settings = settings;
        this.links = links;
    }

    @GetMapping("/{city:" + Links.SLUG + "}/artikel/{slug:" + Links.SLUG + "}")
    Mono<Rendering> article(@PathVariable String city, @PathVariable String slug,
            @RequestParam(required = false) String locale) {
        String wanted = locale != null && locale.matches("[a-z]{2}") ? locale : "de";
        Mono<Article> article = PageNotFound.unlessFound(api.read("/api/cities/" + city + "/articles/" + slug,
                Map.of("locale", wanted), Article.class), "The article " + slug);
        Mono<Part<City>> place = Part.of("city", api.read("/api/cities/" + city, Map.of(), City.class), null,
                settings.partTimeout());
        return Mono.zip(article, place).map(read -> {
            Article shown = read.getT1();
            String served = shown.locale() == null ? "de" : shown.locale();
            List<PageMeta.Alternate> versions = shown.translations().stream()
                    .map(language -> new PageMeta.Alternate(language,
                            settings.base() + links.article(city, slug, language)))
                    .toList();
            PageMeta meta = PageMeta.of(shown.title() + (read.getT2().value() == null ? ""
                                    : " – " + read.getT2().value().name()),
                            shown.summary() == null ? shown.subtitle() : shown.summary(),
                            settings.base() + links.article(city, slug, served))
                    .withImage(shown.heroImage() == null ? null : shown.heroImage().url())
                    .asArticle(served, versions);
            return Rendering.view("article").modelAttribute("meta", meta).modelAttribute("article", shown)
                    .modelAttribute("city", read.getT2().value()).modelAttribute("citySlug", city)
                    .modelAttribute("topic", links.topic(shown.topic()))
                    .header(HttpHeaders.CACHE_CONTROL, Caching.ARTICLE).build();
        });
    }
}
