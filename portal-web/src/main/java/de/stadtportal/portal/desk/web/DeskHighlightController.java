package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Answer;
import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskChoice;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.DeskHighlight;
import de.stadtportal.portal.desk.api.DeskHighlightApi;
import de.stadtportal.portal.desk.api.DeskList;
import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.DeskMediaApi;
import de.stadtportal.portal.desk.api.HighlightWrite;
import de.stadtportal.portal.desk.api.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/highlights}: the city's carousel in its stored order, expired and future
 * teasers included; each moved up or down, added, edited or removed by a plain form (no script).
 * The API replaces the carousel only as a whole, so every change reads the stored carousel, makes
 * the one change and writes it back under the ETag of the page the editor saw: if somebody changed
 * the carousel meanwhile the API refuses (412) and the editor sees the carousel as it is now, with
 * their form kept, so that trying again is a decision.
 */
@Controller
class DeskHighlightController {

    private static final String HIGHLIGHTS = "/redaktion/{city:[a-z0-9-]+}/highlights";
    private static final String ONE = HIGHLIGHTS + "/{position:[0-9]{1,3}}";

    private final DeskHighlightApi api;
    private final DeskMediaApi media;
    private final DeskApi desk;
    private final DeskEventApi events;

    DeskHighlightController(DeskHighlightApi api, DeskMediaApi media, DeskApi desk, DeskEventApi events) {
        this.api = api;
        this.media = media;
        this.desk = desk;
        this.events = events;
    }

    @GetMapping(HIGHLIGHTS)
    Mono<String> list(@PathVariable String city, Model model, ServerWebExchange exchange) {
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("gespeichert"));
        return api.highlights(city).flatMap(current -> current.ok() ? list(model, city, current, Refusals.none())
                : Mono.just(DeskArticleController.refused(current.refusal(), model, exchange)));
    }

    @PostMapping(ONE + "/hoch")
    Mono<String> up(@PathVariable String city, @PathVariable int position, @ModelAttribute Carousel form, Model model,
            ServerWebExchange exchange) {
        return change(city, form.etag(), items -> swap(items, position - 2, position - 1),
                refused -> listRefused(city, refused, model, exchange), model, exchange);
    }

    @PostMapping(ONE + "/runter")
    Mono<String> down(@PathVariable String city, @PathVariable int position, @ModelAttribute Carousel form,
            Model model, ServerWebExchange exchange) {
        return change(city, form.etag(), items -> swap(items, position - 1, position),
                refused -> listRefused(city, refused, model, exchange), model, exchange);
    }

    @PostMapping(ONE + "/entfernen")
    Mono<String> remove(@PathVariable String city, @PathVariable int position, @ModelAttribute Carousel form,
            Model model, ServerWebExchange exchange) {
        return change(city, form.etag(), items -> {
            if (position < 1 || position > items.size()) {
                return null;
            }
            items.remove(position - 1);
            return items;
        }, refused -> listRefused(city, refused, model, exchange), model, exchange);
    }

    @GetMapping(HIGHLIGHTS + "/neu")
    Mono<String> blank(@PathVariable String city, Model model, ServerWebExchange exchange) {
        return api.highlights(city).flatMap(current -> current.ok()
                ? form(model, city, null, HighlightForm.empty(current.etag()), Refusals.none())
                : Mono.just(DeskArticleController.refused(current.refusal(), model, exchange)));
    }

    @GetMapping(ONE)
    Mono<String> edit(@PathVariable String city, @PathVariable int position, Model model, ServerWebExchange exchange) {
        return api.highlights(city).flatMap(current -> {
            if (!current.ok()) {
                return Mono.just(DeskArticleController.refused(current.refusal(), model, exchange));
            }
            List<DeskHighlight> items = current.value().items();
            if (position < 1 || position > items.size()) {
                return Mono.just(DeskArticleController.refused(missing(), model, exchange));
            }
            return form(model, city, position, HighlightForm.of(items.get(position - 1), current.etag()),
                    Refusals.none());
        });
    }

    @PostMapping(HIGHLIGHTS)
    Mono<String> create(@PathVariable String city, @ModelAttribute("form") HighlightForm form, Model model,
            ServerWebExchange exchange) {
        return store(city, null, form, model, exchange);
    }

    @PostMapping(ONE)
    Mono<String> save(@PathVariable String city, @PathVariable int position, @ModelAttribute("form") HighlightForm form,
            Model model, ServerWebExchange exchange) {
        return store(city, position, form, model, exchange);
    }

    /** The form's highlight added ({@code position} null) or put in place of the one at {@code position}. */
    private Mono<String> store(String city, Integer position, HighlightForm form, Model model,
            ServerWebExchange exchange) {
        List<Refusal.FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return form(model, city, position, form, Refusals.of(new Refusal(400, null, null, problems),
                    HighlightForm.FIELDS, DeskFrame.language(exchange)));
        }
        int[] index = new int[1];
        return change(city, form.etag(), items -> {
            if (position == null) {
                index[0] = items.size();
                items.add(form.write());
            } else if (position >= 1 && position <= items.size()) {
                index[0] = position - 1;
                items.set(position - 1, form.write());
            } else {
                return null;
            }
            return items;
        }, refused -> {
            HighlightForm kept = refused.refusal().stale() ? form.withEtag(refused.etag()) : form;
            model.addAttribute("stale", refused.refusal().stale());
            return form(model, city, position, kept, Refusals.of(ofItem(refused.refusal(), index[0]),
                    HighlightForm.FIELDS, DeskFrame.language(exchange)));
        }, model, exchange);
    }

    /**
     * Reads every stored teaser, applies {@code change} (null: the teaser it names does not exist)
     * and writes the carousel back under {@code etag}. A refusal that concerns the editor's input goes
     * to {@code refused} with the ETag of the carousel as it is now; one of the whole page (another
     * city's carousel) is the refusal page.
     */
    private Mono<String> change(String city, String etag, UnaryOperator<List<HighlightWrite>> change,
            Function<Answer<DeskList<DeskHighlight>>, Mono<String>> refused, Model model,
            ServerWebExchange exchange) {
        return api.highlights(city).flatMap(current -> {
            if (!current.ok()) {
                return Mono.just(DeskArticleController.refused(current.refusal(), model, exchange));
            }
            List<HighlightWrite> changed = change.apply(new ArrayList<>(current.value().items().stream()
                    .map(DeskHighlight::write).toList()));
            if (changed == null) {
                return Mono.just(DeskArticleController.refused(missing(), model, exchange));
            }
            return api.replace(city, etag, changed).flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/highlights?gespeichert");
                }
                if (answer.refusal().forbidden()) {
                    return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
                }
                // a lost race is a conflict of the editor's change with another, not a precondition they wrote
                exchange.getResponse().setStatusCode(answer.refusal().stale() ? HttpStatus.CONFLICT
                        : HttpStatus.valueOf(answer.refusal().status()));
                return refused.apply(new Answer<>(current.value(), current.etag(), answer.refusal()));
            });
        });
    }

    /** The list as it is now, with the refusal of a move or removal above it. */
    private Mono<String> listRefused(String city, Answer<DeskList<DeskHighlight>> refused, Model model,
            ServerWebExchange exchange) {
        model.addAttribute("stale", refused.refusal().stale());
        return list(model, city, Answer.of(refused.value(), refused.etag()), Refusals.of(refused.refusal(),
                List.of(), DeskFrame.language(exchange)));
    }

    private Mono<String> list(Model model, String city, Answer<DeskList<DeskHighlight>> current, Refusals refusals) {
        return names(city, current.value().items()).map(names -> list(model, city, current, refusals, names));
    }

    /**
     * What the teasers link by id, by name: a venue's name, an event's title. An editor recognises
     * "Musikforum", not its UUID; a target the API no longer knows keeps its id.
     */
    private Mono<Map<String, String>> names(String city, List<DeskHighlight> teasers) {
        Mono<Map<String, String>> venues = teasers.stream().anyMatch(teaser -> "venue".equals(teaser.link().kind()))
                ? desk.venues(city).map(answer -> answer.ok() ? answer.value().items().stream()
                        .collect(Collectors.toMap(DeskChoice::id, DeskChoice::text, (one, other) -> one))
                        : Map.<String, String>of())
                : Mono.just(Map.of());
        Mono<Map<String, String>> titles = Flux.fromIterable(teasers)
                .filter(teaser -> "event".equals(teaser.link().kind())).map(teaser -> teaser.link().target()).distinct()
                .flatMap(id -> events.event(id).filter(Answer::ok).map(answer -> Map.entry(id, answer.value().title())))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return venues.zipWith(titles, (byVenue, byEvent) -> {
            Map<String, String> names = new HashMap<>(byVenue);
            names.putAll(byEvent);
            return names;
        });
    }

    private static String list(Model model, String city, Answer<DeskList<DeskHighlight>> current, Refusals refusals,
            Map<String, String> names) {
        model.addAttribute("names", names);
        model.addAttribute("city", city);
        model.addAttribute("highlights", current.value().items());
        model.addAttribute("etag", current.etag());
        model.addAttribute("now", Instant.now());
        model.addAttribute("refusals", refusals);
        if (!model.containsAttribute("stale")) {
            model.addAttribute("stale", false);
        }
        return "desk/highlights";
    }

    private Mono<String> form(Model model, String city, Integer position, HighlightForm form, Refusals refusals) {
        return media.library(city).map(library -> {
            model.addAttribute("city", city);
            model.addAttribute("position", position);
            model.addAttribute("form", form);
            model.addAttribute("refusals", refusals);
            if (!model.containsAttribute("stale")) {
                model.addAttribute("stale", false);
            }
            model.addAttribute("kinds", HighlightForm.KINDS);
            model.addAttribute("library", library.ok() ? library.value().items() : List.<DeskMedia>of());
            model.addAttribute("action", position == null ? "/redaktion/" + city + "/highlights"
                    : "/redaktion/" + city + "/highlights/" + position);
            return "desk/highlight";
        });
    }

    /** The carousel with the teasers at {@code one} and {@code other} swapped; unchanged at either end. */
    private static List<HighlightWrite> swap(List<HighlightWrite> items, int one, int other) {
        if (one < 0 || other < 0 || one >= items.size() || other >= items.size()) {
            return one >= 0 && one < items.size() || other >= 0 && other < items.size() ? items : null;
        }
        Collections.swap(items, one, other);
        return items;
    }

    /**
     * The API names a field of the carousel ({@code items[2].link.target}); the form of the teaser
     * at {@code index} shows it under its own field ({@code target}). Problems of other teasers stay
     * as the API named them, above the form.
     */
    static Refusal ofItem(Refusal refusal, int index) {
        String prefix = "items[" + index + "].";
        return new Refusal(refusal.status(), refusal.title(), refusal.detail(), refusal.errors().stream()
                .map(problem -> problem.field() != null && problem.field().startsWith(prefix)
                        ? new Refusal.FieldProblem(formField(problem.field().substring(prefix.length())),
                                problem.message())
                        : problem)
                .toList());
    }

    private static String formField(String api) {
        switch (api) {
            case "link", "link.target":
                return "target";
            case "link.kind":
                return "kind";
            case "image", "image.url":
                return "imageUrl";
            case "image.alt":
                return "imageAlt";
            case "image.mediaId":
                return "imageMediaId";
            default:
                return api;
        }
    }

    private static Refusal missing() {
        return new Refusal(404, null, "No such highlight", List.of());
    }

    /** The move and removal forms' one field (WebFlux binds form fields to objects). */
    record Carousel(String etag) {
    }
}
