package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Answer;
import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskArticle;
import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.DeskMediaApi;
import de.stadtportal.portal.desk.api.Refusal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/artikel}: a city's articles by status, the editor for one locale of an
 * article, publishing now or at a time, withdrawing, and the revisions. An edit that lost a race
 * (the API answers 412) shows the editor's text and the version saved meanwhile side by side, with
 * the newer ETag, so that saving again is a decision, not an accident. A city the editor may not
 * work on is the API's refusal, shown as such (403), with nothing changed.
 */
@Controller
class DeskArticleController {

    /** The portal's times are the cities' local time. */
    static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");
    static final List<String> TOPICS = List.of("arbeiten", "business", "leben", "kultur", "wissen");
    static final List<String> LOCALES = List.of("de", "en");
    private static final String CITY = "/redaktion/{city:[a-z0-9-]+}/artikel";
    private static final String ARTICLE = CITY + "/{slug:[a-z0-9-]+}";

    private final DeskApi api;
    private final DeskMediaApi media;

    DeskArticleController(DeskApi api, DeskMediaApi media) {
        this.api = api;
        this.media = media;
    }

    @GetMapping(CITY)
    Mono<String> list(@PathVariable String city, Model model, ServerWebExchange exchange) {
        return api.articles(city, true).zipWith(api.articles(city, false)).map(both -> {
            if (!both.getT1().ok()) {
                return refused(both.getT1().refusal(), model, exchange);
            }
            List<DeskArticle> drafts = both.getT1().value().items();
            model.addAttribute("city", city);
            model.addAttribute("drafts", drafts.stream().filter(article -> !article.scheduled()).toList());
            model.addAttribute("scheduled", drafts.stream().filter(DeskArticle::scheduled).toList());
            model.addAttribute("published", both.getT2().ok() ? both.getT2().value().items() : List.of());
            return "desk/articles";
        });
    }

    @GetMapping(CITY + "/neu")
    String blank(@PathVariable String city, Model model) {
        return editor(model, city, "de", ArticleForm.empty(), null, Refusals.none());
    }

    @PostMapping(CITY)
    Mono<String> create(@PathVariable String city, @ModelAttribute("form") ArticleForm form, Model model,
            ServerWebExchange exchange) {
        if (form.previewing()) {
            return preview(city, "de", form, Mono.just(Answer.of(null, null)), model, exchange);
        }
        return api.create(city, form.write("de")).map(answer -> answer.ok()
                ? "redirect:/redaktion/" + city + "/artikel/" + answer.value().slug() + "?gespeichert"
                : failed(answer.refusal(), model, city, "de", form, null, exchange));
    }

    @GetMapping(ARTICLE)
    Mono<String> edit(@PathVariable String city, @PathVariable String slug,
            @RequestParam(name = "sprache", defaultValue = "de") String locale,
            Model model, ServerWebExchange exchange) {
        String language = language(locale);
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("gespeichert"));
        return api.article(city, slug, language).map(answer -> {
            if (!answer.ok()) {
                return refused(answer.refusal(), model, exchange);
            }
            DeskArticle article = answer.value();
            if (!article.locale().equals(language)) {
                // no version in this language yet: the form writes the translation
                return editor(model, city, language, ArticleForm.translationOf(article), null, Refusals.none());
            }
            return editor(model, city, language, ArticleForm.of(article, answer.etag()), article, Refusals.none());
        });
    }

    @PostMapping(ARTICLE)
    Mono<String> save(@PathVariable String city, @PathVariable String slug,
            @RequestParam(name = "sprache", defaultValue = "de") String locale,
            @ModelAttribute("form") ArticleForm form, Model model, ServerWebExchange exchange) {
        String language = language(locale);
        if (form.previewing()) {
            return preview(city, language, form, form.editing() ? api.article(city, slug, language)
                    : Mono.just(Answer.of(null, null)), model, exchange);
        }
        Mono<Answer<DeskArticle>> saving = form.editing()
                ? api.change(city, slug, language, form.etag(), form.write(language))
                : api.create(city, form.write(language));
        return saving.flatMap(answer -> {
            if (answer.ok()) {
                return Mono.just(target(city, slug, language) + "gespeichert");
            }
            if (!answer.refusal().stale()) {
                return api.article(city, slug, language).map(current -> failed(answer.refusal(), model, city, language,
                        form, current.value(), exchange));
            }
            // lost the race: keep the editor's text, show what was saved meanwhile and take its ETag
            return api.article(city, slug, language).map(current -> {
                model.addAttribute("theirs", current.value());
                ArticleForm mine = form.withEtag(current.etag());
                exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                return editor(model, city, language, mine, current.value(), Refusals.none());
            });
        });
    }

    @PostMapping(ARTICLE + "/veroeffentlichung")
    Mono<String> publish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(name = "sprache", defaultValue = "de") String locale, @ModelAttribute Publication publication,
            Model model, ServerWebExchange exchange) {
        String language = language(locale);
        String at = publication.zeitpunkt();
        String etag = publication.etag();
        OffsetDateTime when;
        try {
            when = at == null || at.isBlank() ? null : LocalDateTime.parse(at).atZone(CITY_TIME).toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            return publishingRefused(new Refusal(400, null, null,
                    List.of(new Refusal.FieldProblem("publishAt", "must be a date and time"))), model, city, slug,
                    language, exchange);
        }
        return api.publish(city, slug, language, etag, when).flatMap(answer -> answer.ok()
                ? Mono.just(target(city, slug, language) + "gespeichert")
                : publishingRefused(answer.refusal(), model, city, slug, language, exchange));
    }

    @PostMapping(ARTICLE + "/zurueckziehen")
    Mono<String> unpublish(@PathVariable String city, @PathVariable String slug,
            @RequestParam(name = "sprache", defaultValue = "de") String locale, @ModelAttribute Publication publication,
            Model model, ServerWebExchange exchange) {
        String language = language(locale);
        return api.unpublish(city, slug, language, publication.etag()).flatMap(answer -> answer.ok()
                ? Mono.just(target(city, slug, language) + "gespeichert")
                : publishingRefused(answer.refusal(), model, city, slug, language, exchange));
    }

    @GetMapping(ARTICLE + "/versionen")
    Mono<String> revisions(@PathVariable String city, @PathVariable String slug,
            @RequestParam(name = "sprache", defaultValue = "de") String locale, Model model,
            ServerWebExchange exchange) {
        String language = language(locale);
        return api.revisions(city, slug, language).map(answer -> {
            if (!answer.ok()) {
                return refused(answer.refusal(), model, exchange);
            }
            model.addAttribute("city", city);
            model.addAttribute("slug", slug);
            model.addAttribute("locale", language);
            model.addAttribute("revisions", answer.value().items());
            return "desk/revisions";
        });
    }

    /** The form as the editor left it, with the body rendered by the platform below it. */
    private Mono<String> preview(String city, String locale, ArticleForm form, Mono<Answer<DeskArticle>> current,
            Model model, ServerWebExchange exchange) {
        return api.preview(city, form.body()).zipWith(current).map(both -> {
            DeskArticle article = both.getT2().ok() ? both.getT2().value() : null;
            if (!both.getT1().ok()) {
                return failed(both.getT1().refusal(), model, city, locale, form, article, exchange);
            }
            model.addAttribute("preview", both.getT1().value().bodyHtml());
            return editor(model, city, locale, form.withEtag(form.etag()), article, Refusals.none());
        });
    }

    /** The publishing forms' fields (WebFlux binds form fields to objects, never to {@code @RequestParam}). */
    record Publication(String etag, String zeitpunkt) {
    }

    private static String target(String city, String slug, String locale) {
        return "redirect:/redaktion/" + city + "/artikel/" + slug + "?sprache=" + locale + "&";
    }

    /** A refused publishing action: the article as it is now, with the refusal next to the publishing form. */
    private Mono<String> publishingRefused(Refusal refusal, Model model, String city, String slug, String locale,
            ServerWebExchange exchange) {
        if (refusal.forbidden() || refusal.notFound()) {
            return Mono.just(refused(refusal, model, exchange));
        }
        model.addAttribute("publishing", Refusals.of(refusal, List.of("publishAt"), DeskFrame.language(exchange)));
        return api.article(city, slug, locale).map(current -> {
            if (!current.ok()) {
                return refused(current.refusal(), model, exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
            return editor(model, city, locale, ArticleForm.of(current.value(), current.etag()), current.value(),
                    Refusals.none());
        });
    }

    private String failed(Refusal refusal, Model model, String city, String locale, ArticleForm form,
            DeskArticle current, ServerWebExchange exchange) {
        if (refusal.forbidden()) {
            return refused(refusal, model, exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
        return editor(model, city, locale, form, current, Refusals.of(refusal, ArticleForm.FIELDS,
                DeskFrame.language(exchange)));
    }

    private String editor(Model model, String city, String locale, ArticleForm form, DeskArticle article,
            Refusals refusals) {
        model.addAttribute("city", city);
        // the city's images to choose the hero from, read while the rest of the page is prepared
        model.addAttribute("library", media.library(city).map(answer -> answer.ok() ? answer.value().items()
                : List.<DeskMedia>of()));
        model.addAttribute("locale", locale);
        model.addAttribute("form", form);
        String slug = article != null ? article.slug() : form == null ? null : form.slug();
        boolean existing = article != null || !"de".equals(locale);
        model.addAttribute("action", existing ? "/redaktion/" + city + "/artikel/" + slug + "?sprache=" + locale
                : "/redaktion/" + city + "/artikel");
        model.addAttribute("slug", slug);
        model.addAttribute("article", article);
        model.addAttribute("refusals", refusals);
        model.addAttribute("topics", TOPICS);
        model.addAttribute("locales", LOCALES);
        model.addAttribute("publishAt", article == null || article.publishAt() == null ? ""
                : article.publishAt().atZoneSameInstant(CITY_TIME).toLocalDateTime().toString());
        if (!model.containsAttribute("publishing")) {
            model.addAttribute("publishing", Refusals.none());
        }
        return "desk/article";
    }

    /** The API's refusal of the whole page (403 another city's, 404 none such), in its status. */
    static String refused(Refusal refusal, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", Map.of(401, "forbidden", 403, "forbidden", 404, "missing", 503, "unavailable")
                .getOrDefault(refusal.status(), "other"));
        return "desk/refused";
    }

    private static String language(String locale) {
        return LOCALES.contains(locale) ? locale : "de";
    }
}
