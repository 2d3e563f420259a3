package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskEvent;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.DeskOccurrence;
import de.stadtportal.portal.desk.api.Editor;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import de.stadtportal.portal.desk.domain.WeeklyRecurrence;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
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
 * {@code /redaktion/{city}/veranstaltungen}: the city's starts in a range of days (from today for a
 * season unless the editor sets {@code von} and {@code bis}) with their status, a new event
 * at one of the city's venues, once or weekly through the recurrence form, and an event edited in the
 * same form. What the desk can tell from the answers alone (no weekday, an end before the start of
 * the series, a day left out that is none of the series') is refused here, by field, in the editor's
 * language; everything else the API decides. An edit that lost a race (412) keeps the editor's
 * answers and shows the state saved meanwhile, as the article editor does.
 */
@Controller
class DeskEventController {

    static final String EVENTS = "/redaktion/{city:[a-z0-9-]+}/veranstaltungen";
    static final String EVENT = EVENTS + "/{id:[0-9a-f-]{36}}";
    /** The API's names of the list's range as the filter names them. */
    private static final Map<String, String> FILTER_NAMES = Map.of("from", "von", "to", "bis");

    private final DeskEventApi events;
    private final EventPages pages;
    private final DeskTexts texts;

    DeskEventController(DeskEventApi events, EventPages pages, DeskTexts texts) {
        this.events = events;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping(EVENTS)
    Mono<String> list(@PathVariable String city, @RequestParam(required = false) String von,
            @RequestParam(required = false) String bis, @RequestParam(required = false) String cursor,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model,
            ServerWebExchange exchange) {
        if (foreign(client, city)) {
            return Mono.just(notYours(model, exchange));
        }
        model.addAttribute("city", city);
        model.addAttribute("changed", exchange.getRequest().getQueryParams().getFirst("geaendert"));
        DateFilter typed = new DateFilter(von, bis);
        Map<String, Problem> problems = typed.problems();
        if (!problems.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return Mono.just(listed(model, typed, texts.refusals(problems, DeskFrame.language(exchange)), List.of(),
                    null));
        }
        DateFilter filter = typed.resolved(LocalDate.now(WeeklyRecurrence.CITY_TIME));
        return events.upcoming(city, filter.from(), filter.to(), cursor).map(answer -> {
            if (answer.ok()) {
                return listed(model, filter, Refusals.none(), answer.value().items(), answer.value().next());
            }
            if (answer.refusal().status() != 400) {
                return DeskArticleController.refused(answer.refusal(), model, exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return listed(model, typed, Refusals.of(DeskTexts.renamed(answer.refusal(), FILTER_NAMES),
                    List.of("von", "bis"), DeskFrame.language(exchange)), List.of(), null);
        });
    }

    private static String listed(Model model, DateFilter filter, Refusals refusals, List<DeskOccurrence> occurrences,
            String next) {
        model.addAttribute("filter", filter);
        model.addAttribute("refusals", refusals);
        model.addAttribute("occurrences", occurrences);
        model.addAttribute("next", next);
        return "desk/events";
    }

    @GetMapping(EVENTS + "/neu")
    Mono<String> blank(@PathVariable String city, Model model, ServerWebExchange exchange) {
        model.addAttribute("created", exchange.getRequest().getQueryParams().getFirst("angelegt"));
        return pages.form(city, EventForm.empty(), null, Refusals.none(), model);
    }

    @PostMapping(EVENTS)
    Mono<String> create(@PathVariable String city, @ModelAttribute("form") EventForm form, Model model,
            ServerWebExchange exchange) {
        return pages.picture(city, form).flatMap(picture -> {
            Map<String, Problem> problems = problems(form, picture);
            if (!problems.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return pages.form(city, form, null, texts.refusals(problems, DeskFrame.language(exchange)), model);
            }
            return events.create(form.write(city, null, picture.item())).flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/veranstaltungen/neu?angelegt="
                            + answer.value().id());
                }
                return failed(answer.refusal(), city, form, null, model, exchange);
            });
        });
    }

    /** What the desk refuses itself: the form's answers, and a picture that is none of the city's library. */
    private static Map<String, Problem> problems(EventForm form, EventPages.Picture picture) {
        Map<String, Problem> problems = form.problems();
        if (picture.problem() != null) {
            problems.put("imageMediaId", picture.problem());
        }
        return problems;
    }

    @GetMapping(EVENT)
    Mono<String> edit(@PathVariable String city, @PathVariable String id,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model,
            ServerWebExchange exchange) {
        if (foreign(client, city)) {
            return Mono.just(notYours(model, exchange));
        }
        return pages.current(city, id, HttpStatus.OK, model, exchange);
    }

    /**
     * Whether the editor's token names another city only. The calendar and the venues are public
     * reads, so the API would show them to anyone; the desk's pages are where one changes them, so it
     * offers them only to the city's editors. Writes are refused by the API itself all the same.
     */
    static boolean foreign(OAuth2AuthorizedClient client, String city) {
        return !Editor.of("", client.getAccessToken().getTokenValue()).mayEdit(city);
    }

    /** The refusal page for a city not among the editor's, as the API's 403 shows it. */
    static String notYours(Model model, ServerWebExchange exchange) {
        return DeskArticleController.refused(new Refusal(403, null, null, List.of()), model, exchange);
    }

    @PostMapping(EVENT)
    Mono<String> save(@PathVariable String city, @PathVariable String id, @ModelAttribute("form") EventForm form,
            Model model, ServerWebExchange exchange) {
        return events.event(id).zipWith(pages.picture(city, form)).flatMap(read -> {
            var current = read.getT1();
            if (!current.ok()) {
                return Mono.just(DeskArticleController.refused(current.refusal(), model, exchange));
            }
            if (!city.equals(current.value().city())) {
                return Mono.just(EventPages.elsewhere(model, exchange));
            }
            Map<String, Problem> problems = problems(form, read.getT2());
            if (!problems.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return pages.form(city, form, current.value(), texts.refusals(problems, DeskFrame.language(exchange)),
                        model);
            }
            return events.change(id, form.etag(), form.write(city, current.value(), read.getT2().item())).flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/veranstaltungen?geaendert=" + id);
                }
                if (!answer.refusal().stale()) {
                    return failed(answer.refusal(), city, form, current.value(), model, exchange);
                }
                // lost the race: keep the editor's answers, show what was saved meanwhile and take its ETag
                return events.event(id).flatMap(theirs -> {
                    DeskEvent saved = theirs.ok() ? theirs.value() : current.value();
                    model.addAttribute("theirs", saved);
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return pages.form(city, form.withEtag(theirs.ok() ? theirs.etag() : form.etag()), saved,
                            Refusals.none(), model);
                });
            });
        });
    }

    private Mono<String> failed(Refusal refusal, String city, EventForm form, DeskEvent current, Model model,
            ServerWebExchange exchange) {
        if (refusal.forbidden() || refusal.notFound()) {
            return Mono.just(DeskArticleController.refused(refusal, model, exchange));
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
        return pages.form(city, form, current, Refusals.of(EventForm.forForm(refusal), EventForm.FIELDS,
                DeskFrame.language(exchange)), model);
    }
}
