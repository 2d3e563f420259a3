package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskChoice;
import de.stadtportal.portal.desk.api.DeskEvent;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The event page, drawn the same way by the form's controller and by the lifecycle steps': the form
 * (new, or an event being edited with its ETag), the city's venues and the categories to choose
 * from, and for an existing event its status and steps. A step the API refused shows the page again
 * with the event as it now is and the refusal above the steps.
 */
@Component
class EventPages {

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private final DeskApi api;
    private final DeskEventApi events;

    EventPages(DeskApi api, DeskEventApi events) {
        this.api = api;
        this.events = events;
    }

    /** The form with {@code refusals} under its fields; {@code event} is the saved state, null for a new one. */
    Mono<String> form(String city, EventForm form, DeskEvent event, Refusals refusals, Model model) {
        return api.venues(city).zipWith(api.categories()).map(choices -> {
            model.addAttribute("city", city);
            model.addAttribute("form", form);
            model.addAttribute("event", event);
            model.addAttribute("refusals", refusals);
            model.addAttribute("days", DAYS);
            model.addAttribute("action", event == null ? "/redaktion/" + city + "/veranstaltungen"
                    : "/redaktion/" + city + "/veranstaltungen/" + event.id());
            model.addAttribute("venues", choices.getT1().ok() ? choices.getT1().value().items() : List.<DeskChoice>of());
            model.addAttribute("categories", choices.getT2().ok() ? choices.getT2().value().items() : List.<DeskChoice>of());
            if (!model.containsAttribute("steps")) {
                model.addAttribute("steps", Refusals.none());
            }
            return "desk/event";
        });
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
