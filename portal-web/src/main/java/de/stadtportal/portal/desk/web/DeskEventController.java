package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskChoice;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/veranstaltungen/neu}: a new event at one of the city's venues, once or
 * weekly through the recurrence form. What the desk can tell from the answers alone (no weekday, an
 * end before the start of the series) is refused here, by field; everything else the API decides.
 */
@Controller
class DeskEventController {

    private static final String EVENTS = "/redaktion/{city:[a-z0-9-]+}/veranstaltungen";
    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private final DeskApi api;

    DeskEventController(DeskApi api) {
        this.api = api;
    }

    @GetMapping(EVENTS + "/neu")
    Mono<String> blank(@PathVariable String city, Model model, ServerWebExchange exchange) {
        model.addAttribute("created", exchange.getRequest().getQueryParams().getFirst("angelegt"));
        return form(city, EventForm.empty(), Refusals.none(), model);
    }

    @PostMapping(EVENTS)
    Mono<String> create(@PathVariable String city, @ModelAttribute("form") EventForm form, Model model,
            ServerWebExchange exchange) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return form(city, form, new Refusals(problems, List.of()), model);
        }
        return api.createEvent(form.write(city)).flatMap(answer -> {
            if (answer.ok()) {
                return Mono.just("redirect:/redaktion/" + city + "/veranstaltungen/neu?angelegt=" + answer.value().id());
            }
            if (answer.refusal().forbidden()) {
                return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
            }
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(answer.refusal().status()));
            return form(city, form, Refusals.of(answer.refusal(), EventForm.FIELDS, DeskFrame.language(exchange)),
                    model);
        });
    }

    private Mono<String> form(String city, EventForm form, Refusals refusals, Model model) {
        return api.venues(city).zipWith(api.categories()).map(choices -> {
            model.addAttribute("city", city);
            model.addAttribute("form", form);
            model.addAttribute("refusals", refusals);
            model.addAttribute("days", DAYS);
            model.addAttribute("venues", choices.getT1().ok() ? choices.getT1().value().items() : List.<DeskChoice>of());
            model.addAttribute("categories", choices.getT2().ok() ? choices.getT2().value().items() : List.<DeskChoice>of());
            return "desk/event";
        });
    }
}
