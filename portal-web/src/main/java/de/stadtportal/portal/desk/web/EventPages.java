package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskChoice;
import de.stadtportal.portal.desk.api.DeskEvent;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.DeskMediaApi;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The event page, drawn the same way by the form's controller and by the lifecycle steps': the form
 * (new, or an event being edited with its ETag), the city's venues, the categories and the library's
 * pictures to choose from, and for an existing event its status and steps. A step the API refused shows the page again
 * with the event as it now is and the refusal above the steps.
 */
@Component
class EventPages {

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private final DeskApi api;
    private final DeskEventApi events;
    private final DeskMediaApi media;

    EventPages(DeskApi api, DeskEventApi events, DeskMediaApi media) {
        this.api = api;
        this.events = events;
        this.media = media;
    }

    /** The form with {@code refusals} under its fields; {@code event} is the saved state, null for a new one. */
    Mono<String> form(String city, EventForm form, DeskEvent event, Refusals refusals, Model model) {
        return Mono.zip(api.venues(city), api.categories(), library(city, form)).map(choices -> {
            model.addAttribute("city", city);
            model.addAttribute("form", form);
            model.addAttribute("event", event);
            model.addAttribute("refusals", refusals);
            model.addAttribute("days", DAYS);
            model.addAttribute("action", event == null ? "/redaktion/" + city + "/veranstaltungen"
                    : "/redaktion/" + city + "/veranstaltungen/" + event.id());
            model.addAttribute("venues", venues(choices.getT1().ok() ? choices.getT1().value().items() : List.of(), event));
            model.addAttribute("categories", choices.getT2().ok() ? choices.getT2().value().items() : List.<DeskChoice>of());
            model.addAttribute("library", choices.getT3());
            model.addAttribute("libraryAlt", changedAlt(event, form, choices.getT3()));
            if (!model.containsAttribute("steps")) {
                model.addAttribute("steps", Refusals.none());
            }
            return "desk/event";
        });
    }

    /**
     * The city's venues to choose from, named; the event's own venue among them even when it is not in
     * the first page the API lists, so that the form never shows an id or moves the event silently.
     */
    private static List<DeskChoice> venues(List<DeskChoice> listed, DeskEvent event) {
        if (event == null || event.venueId() == null
                || listed.stream().anyMatch(venue -> event.venueId().equals(venue.id()))) {
            return listed;
        }
        List<DeskChoice> venues = new ArrayList<>(listed);
        venues.add(0, new DeskChoice(event.venueId(), event.venue() == null ? event.venueId() : event.venue().name(),
                null));
        return venues;
    }

    /**
     * The library's alt text of the event's picture when it is no longer the one the event copied: the
     * events API keeps a copy, so an edit in the library reaches the event only when it is saved again.
     */
    private static String changedAlt(DeskEvent event, EventForm form, List<DeskMedia> library) {
        if (event == null || event.image() == null || event.image().url() == null || !form.picksFromLibrary()
                || !event.image().url().contains("/api/media/" + form.imageMediaId() + "/")) {
            return null;
        }
        return library.stream().filter(item -> item.id().equals(form.imageMediaId())).findFirst()
                .map(DeskMedia::alt).filter(alt -> !alt.equals(event.image().alt())).orElse(null);
    }

    /** The city's library to pick the event's image from, with the picked item even when it is an older one. */
    private Mono<List<DeskMedia>> library(String city, EventForm form) {
        return media.library(city).flatMap(answer -> {
            List<DeskMedia> items = answer.ok() ? answer.value().items() : List.of();
            if (!form.picksFromLibrary() || items.stream().anyMatch(item -> item.id().equals(form.imageMediaId()))) {
                return Mono.just(items);
            }
            return media.item(form.imageMediaId()).map(picked -> {
                if (!picked.ok() || !city.equals(picked.value().city())) {
                    return items;
                }
                List<DeskMedia> all = new ArrayList<>(items);
                all.add(picked.value());
                return all;
            });
        });
    }

    /**
     * The library item the form picked for the event's image: empty when it picked none, refused by
     * field ({@code imageMediaId}) when it is no picture of this city's library.
     */
    Mono<Picture> picture(String city, EventForm form) {
        if (!form.picksFromLibrary()) {
            return Mono.just(Picture.NONE);
        }
        return media.item(form.imageMediaId()).map(answer -> answer.ok() && city.equals(answer.value().city())
                && answer.value().asEventImage() != null ? new Picture(answer.value(), null)
                : new Picture(null, Problem.of("desk.form.noMedium")));
    }

    /** A picked picture, or why it cannot be the event's. */
    record Picture(DeskMedia item, Problem problem) {

        static final Picture NONE = new Picture(null, null);
    }

    /** The event as it is now, in the form, answered with {@code status}; the API's refusal if it cannot be read. */
    Mono<String> current(String city, String id, HttpStatus status, Model model, ServerWebExchange exchange) {
        return events.event(id).flatMap(answer -> {
            if (!answer.ok()) {
                return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
            }
            if (!city.equals(answer.value().city())) {
                return Mono.just(elsewhere(model, exchange));
            }
            exchange.getResponse().setStatusCode(status);
            return form(city, EventForm.of(answer.value(), answer.etag()), answer.value(), Refusals.none(), model);
        });
    }

    /** An event of another city under this city's address: no such event here. */
    static String elsewhere(Model model, ServerWebExchange exchange) {
        return DeskArticleController.refused(new Refusal(404, null, null, List.of()),
                model, exchange);
    }
}
