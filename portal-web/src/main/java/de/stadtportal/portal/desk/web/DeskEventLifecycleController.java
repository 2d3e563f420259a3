package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Answer;
import de.stadtportal.portal.desk.api.DeskEvent;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import de.stadtportal.portal.desk.domain.WeeklyRecurrence;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The steps of an event's life, each a small form on the event's page: cancel, postpone (a new date
 * not known yet), reschedule to a new start, sold out, and one date of a series left out (an
 * exception date, since the API changes a series only as a whole). Each sends the ETag of the page it
 * was taken on, so a step on a state nobody saw is refused (412); a step the status does not allow
 * (409) or a bad new date is shown above the steps, with the event as it is now. Done, the city's
 * list shows the new status.
 */
@Controller
class DeskEventLifecycleController {

    private final DeskEventApi events;
    private final EventPages pages;
    private final DeskTexts texts;

    DeskEventLifecycleController(DeskEventApi events, EventPages pages, DeskTexts texts) {
        this.events = events;
        this.pages = pages;
        this.texts = texts;
    }

    /**
     * A step's fields (WebFlux binds form fields to objects, never to {@code @RequestParam}).
     *
     * @param etag   the ETag of the page the step was taken on
     * @param beginn the new start of a rescheduling, {@code datetime-local} in city time
     * @param ende   its new end, or blank to keep the duration
     * @param termin the start of the one date to leave out, ISO-8601 with offset
     */
    record Step(String etag, String beginn, String ende, String termin) {
    }

    @PostMapping(DeskEventController.EVENT + "/absage")
    Mono<String> cancel(@PathVariable String city, @PathVariable String id, @ModelAttribute Step step, Model model,
            ServerWebExchange exchange) {
        return taken(city, id, events.step(id, "cancellation", step.etag()), model, exchange);
    }

    @PostMapping(DeskEventController.EVENT + "/verschiebung")
    Mono<String> postpone(@PathVariable String city, @PathVariable String id, @ModelAttribute Step step, Model model,
            ServerWebExchange exchange) {
        return taken(city, id, events.step(id, "postponement", step.etag()), model, exchange);
    }

    @PostMapping(DeskEventController.EVENT + "/ausverkauft")
    Mono<String> soldOut(@PathVariable String city, @PathVariable String id, @ModelAttribute Step step, Model model,
            ServerWebExchange exchange) {
        return taken(city, id, events.step(id, "sold-out", step.etag()), model, exchange);
    }

    @PostMapping(DeskEventController.EVENT + "/neuer-termin")
    Mono<String> reschedule(@PathVariable String city, @PathVariable String id, @ModelAttribute Step step,
            Model model, ServerWebExchange exchange) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        OffsetDateTime start = time(step.beginn(), "beginn", true, problems);
        OffsetDateTime end = time(step.ende(), "ende", false, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("steps", texts.refusals(problems, DeskFrame.language(exchange)));
            return pages.current(city, id, HttpStatus.BAD_REQUEST, model, exchange);
        }
        return taken(city, id, events.reschedule(id, step.etag(), start, end), model, exchange);
    }

    /** Leaves one date of the series out: the event read now, with that start among its exceptions. */
    @PostMapping(DeskEventController.EVENT + "/termin-streichen")
    Mono<String> leaveOut(@PathVariable String city, @PathVariable String id, @ModelAttribute Step step, Model model,
            ServerWebExchange exchange) {
        OffsetDateTime date;
        try {
            date = OffsetDateTime.parse(step.termin() == null ? "" : step.termin());
        } catch (DateTimeParseException unreadable) {
            model.addAttribute("steps", texts.refusals(Map.of("termin", Problem.of("desk.form.dateTime")),
                    DeskFrame.language(exchange)));
            return pages.current(city, id, HttpStatus.BAD_REQUEST, model, exchange);
        }
        return events.event(id).flatMap(current -> {
            if (!current.ok()) {
                return Mono.just(DeskArticleController.refused(current.refusal(), model, exchange));
            }
            DeskEvent event = current.value();
            if (!city.equals(event.city())) {
                return Mono.just(EventPages.elsewhere(model, exchange));
            }
            if (!event.recurring()) {
                model.addAttribute("steps", texts.refusals(Map.of("termin", Problem.of("desk.event.onlyOnce")),
                        DeskFrame.language(exchange)));
                return pages.current(city, id, HttpStatus.CONFLICT, model, exchange);
            }
            String etag = step.etag() == null || step.etag().isBlank() ? current.etag() : step.etag();
            return taken(city, id, events.change(id, etag, event.without(date)), model, exchange);
        });
    }

    private Mono<String> taken(String city, String id, Mono<Answer<DeskEvent>> step, Model model,
            ServerWebExchange exchange) {
        return step.flatMap(answer -> {
            if (answer.ok()) {
                return Mono.just("redirect:/redaktion/" + city + "/veranstaltungen?geaendert=" + id);
            }
            Refusal refusal = answer.refusal();
            if (refusal.forbidden() || refusal.notFound()) {
                return Mono.just(DeskArticleController.refused(refusal, model, exchange));
            }
            if (refusal.stale()) {
                model.addAttribute("stale", true);
                return pages.current(city, id, HttpStatus.CONFLICT, model, exchange);
            }
            model.addAttribute("steps", Refusals.of(DeskTexts.renamed(refusal, Map.of("start", "beginn", "end", "ende")),
                    List.of("beginn", "ende", "termin"), DeskFrame.language(exchange)));
            return pages.current(city, id, HttpStatus.valueOf(refusal.status()), model, exchange);
        });
    }

    private static OffsetDateTime time(String value, String field, boolean required, Map<String, Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.put(field, Problem.of("desk.form.required"));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(WeeklyRecurrence.CITY_TIME).toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            problems.put(field, Problem.of("desk.form.dateTime"));
            return null;
        }
    }
}
