package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Answer;
import de.stadtportal.portal.desk.api.DeskVenue;
import de.stadtportal.portal.desk.api.DeskVenueApi;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/orte}: the city's venues, a new one and one edited (name, address,
 * coordinates, accessibility, web address, as the API has them). Coordinates that are no numbers are
 * refused here by field; the API decides the rest and refuses another city's editor (403). An edit
 * that lost a race (412) keeps the editor's answers and takes the newer ETag. A venue without events
 * can be deleted from its page; one with events, or changed since the page was read, stays, and the
 * page says why.
 */
@Controller
class DeskVenueController {

    private static final String VENUES = "/redaktion/{city:[a-z0-9-]+}/orte";
    private static final String VENUE = VENUES + "/{id:[0-9a-f-]{36}}";

    private final DeskVenueApi venues;
    private final DeskTexts texts;

    DeskVenueController(DeskVenueApi venues, DeskTexts texts) {
        this.venues = venues;
        this.texts = texts;
    }

    @GetMapping(VENUES)
    Mono<String> list(@PathVariable String city,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model,
            ServerWebExchange exchange) {
        if (DeskEventController.foreign(client, city)) {
            return Mono.just(DeskEventController.notYours(model, exchange));
        }
        return venues.venues(city).map(answer -> {
            if (!answer.ok()) {
                return DeskArticleController.refused(answer.refusal(), model, exchange);
            }
            model.addAttribute("city", city);
            model.addAttribute("venues", answer.value().items());
            model.addAttribute("changed", exchange.getRequest().getQueryParams().getFirst("gespeichert"));
            model.addAttribute("deleted", exchange.getRequest().getQueryParams().containsKey("geloescht"));
            return "desk/venues";
        });
    }

    @GetMapping(VENUES + "/neu")
    String blank(@PathVariable String city, Model model) {
        return form(city, null, VenueForm.empty(""), Refusals.none(), model);
    }

    @PostMapping(VENUES)
    Mono<String> create(@PathVariable String city, @ModelAttribute("form") VenueForm form, Model model,
            ServerWebExchange exchange) {
        return saved(city, null, form, model, exchange);
    }

    @GetMapping(VENUE)
    Mono<String> edit(@PathVariable String city, @PathVariable String id,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model,
            ServerWebExchange exchange) {
        if (DeskEventController.foreign(client, city)) {
            return Mono.just(DeskEventController.notYours(model, exchange));
        }
        return venues.venue(id).map(answer -> {
            if (!answer.ok()) {
                return DeskArticleController.refused(answer.refusal(), model, exchange);
            }
            if (!city.equals(answer.value().city())) {
                return EventPages.elsewhere(model, exchange);
            }
            return form(city, id, VenueForm.of(answer.value(), answer.etag()), Refusals.none(), model);
        });
    }

    @PostMapping(VENUE)
    Mono<String> save(@PathVariable String city, @PathVariable String id, @ModelAttribute("form") VenueForm form,
            Model model, ServerWebExchange exchange) {
        return saved(city, id, form, model, exchange);
    }

    @PostMapping(VENUE + "/loeschen")
    Mono<String> delete(@PathVariable String city, @PathVariable String id, @ModelAttribute Removal.Request removal,
            Model model, ServerWebExchange exchange) {
        return venues.venue(id).flatMap(current -> {
            if (!current.ok()) {
                return Mono.just(DeskArticleController.refused(current.refusal(), model, exchange));
            }
            if (!city.equals(current.value().city())) {
                return Mono.just(EventPages.elsewhere(model, exchange));
            }
            return venues.remove(id, removal.etag()).flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/orte?geloescht");
                }
                Refusal refusal = answer.refusal();
                if (refusal.forbidden() || refusal.notFound()) {
                    return Mono.just(DeskArticleController.refused(refusal, model, exchange));
                }
                exchange.getResponse().setStatusCode(refusal.stale() ? HttpStatus.CONFLICT
                        : HttpStatus.valueOf(refusal.status()));
                model.addAttribute("removal", Removal.refused(refusal, "desk.venue.inUse", texts,
                        DeskFrame.language(exchange)));
                // the venue as it is now, with its newest ETag: deleting again is a decision on what is shown
                return venues.venue(id).map(now -> form(city, id, now.ok() ? VenueForm.of(now.value(), now.etag())
                        : VenueForm.of(current.value(), current.etag()), Refusals.none(), model));
            });
        });
    }

    private Mono<String> saved(String city, String id, VenueForm form, Model model, ServerWebExchange exchange) {
        Map<String, Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return Mono.just(form(city, id, form, texts.refusals(problems, DeskFrame.language(exchange)), model));
        }
        Mono<Answer<DeskVenue>> saving = id == null ? venues.create(form.write(city))
                : venues.change(id, form.etag(), form.write(city));
        return saving.flatMap(answer -> {
            if (answer.ok()) {
                return Mono.just("redirect:/redaktion/" + city + "/orte?gespeichert=" + answer.value().id());
            }
            Refusal refusal = answer.refusal();
            if (refusal.forbidden() || refusal.notFound()) {
                return Mono.just(DeskArticleController.refused(refusal, model, exchange));
            }
            if (refusal.stale()) {
                // lost the race: keep the editor's answers, show what was saved meanwhile and take its ETag
                return venues.venue(id).map(theirs -> {
                    model.addAttribute("theirs", theirs.value());
                    exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                    return form(city, id, form.withEtag(theirs.etag()), Refusals.none(), model);
                });
            }
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
            return Mono.just(form(city, id, form, Refusals.of(VenueForm.forForm(refusal), VenueForm.FIELDS,
                    DeskFrame.language(exchange)), model));
        });
    }

    private static String form(String city, String id, VenueForm form, Refusals refusals, Model model) {
        model.addAttribute("city", city);
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("refusals", refusals);
        model.addAttribute("action", id == null ? "/redaktion/" + city + "/orte" : "/redaktion/" + city + "/orte/" + id);
        return "desk/venue";
    }
}
