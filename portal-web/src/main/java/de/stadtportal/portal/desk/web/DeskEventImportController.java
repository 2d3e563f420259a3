package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskApi;
import de.stadtportal.portal.desk.api.DeskChoice;
import de.stadtportal.portal.desk.api.DeskEventApi;
import de.stadtportal.portal.desk.api.DeskImport;
import de.stadtportal.portal.desk.api.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/veranstaltungen/import}: a venue's programme as an iCalendar file (what
 * venues and ticket systems export), imported at one of the city's venues, all or none. The file
 * streams on to the events API, which alone reads it; the page then lists what was made and what an
 * earlier import had made already, or, refused, every entry at fault with its number, and nothing was
 * made. Sending the same file again is harmless: what was imported stays as it is.
 */
@Controller
class DeskEventImportController {

    private static final String IMPORT = DeskEventController.EVENTS + "/import";
    private static final List<String> FIELDS = List.of("file", "venueId", "category");
    /** An entry of the calendar as the API names it, {@code events[2].start}. */
    private static final Pattern ENTRY = Pattern.compile("events\\[(\\d+)]\\.?(.*)");

    private final DeskApi api;
    private final DeskEventApi events;
    private final MessageSource messages;

    DeskEventImportController(DeskApi api, DeskEventApi events, MessageSource messages) {
        this.api = api;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping(IMPORT)
    Mono<String> form(@PathVariable String city,
            @RegisteredOAuth2AuthorizedClient("stadtportal") OAuth2AuthorizedClient client, Model model,
            ServerWebExchange exchange) {
        if (DeskEventController.foreign(client, city)) {
            return Mono.just(DeskEventController.notYours(model, exchange));
        }
        return page(city, null, null, Refusals.none(), model);
    }

    @PostMapping(path = IMPORT, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> importCalendar(@PathVariable String city, Model model, ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            String venueId = text(parts, "venueId");
            String category = text(parts, "category");
            Part file = parts.getFirst("file");
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            if (!(file instanceof FilePart chosen) || chosen.filename().isBlank()) {
                problems.add(new Refusal.FieldProblem("file", "is required"));
            }
            if (venueId.isBlank()) {
                problems.add(new Refusal.FieldProblem("venueId", "is required"));
            }
            if (!problems.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return page(city, venueId, category, refusals(new Refusal(400, null, null, problems), exchange), model);
            }
            return events.importCalendar(city, venueId, category, file.content()).flatMap(answer -> {
                if (answer.ok()) {
                    model.addAttribute("imported", answer.value());
                    return page(city, venueId, category, Refusals.none(), model);
                }
                if (answer.refusal().forbidden()) {
                    return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
                }
                exchange.getResponse().setStatusCode(HttpStatus.valueOf(answer.refusal().status()));
                return page(city, venueId, category, refusals(answer.refusal(), exchange), model);
            });
        });
    }

    private Mono<String> page(String city, String venueId, String category, Refusals refusals, Model model) {
        return Mono.zip(api.venues(city), api.categories()).map(choices -> {
            model.addAttribute("city", city);
            model.addAttribute("venueId", venueId);
            model.addAttribute("category", category);
            model.addAttribute("refusals", refusals);
            model.addAttribute("venues", choices.getT1().ok() ? choices.getT1().value().items() : List.<DeskChoice>of());
            model.addAttribute("categories", choices.getT2().ok() ? choices.getT2().value().items()
                    : List.<DeskChoice>of());
            if (!model.containsAttribute("imported")) {
                model.addAttribute("imported", (DeskImport) null);
            }
            return "desk/event-import";
        });
    }

    /**
     * The API's refusal in the editor's words: what concerns the file as a whole under the file field,
     * the venue under the venue, and each entry at fault with its number, counted from 1 as the editor
     * counts the events of a calendar, and what of it is at fault ("Termin 3 (Status)").
     */
    private Refusals refusals(Refusal refusal, ServerWebExchange exchange) {
        Locale language = DeskFrame.language(exchange);
        List<Refusal.FieldProblem> named = new ArrayList<>();
        for (Refusal.FieldProblem problem : refusal.errors()) {
            Matcher entry = ENTRY.matcher(problem.field() == null ? "" : problem.field());
            if (entry.matches() && entry.group(2).equals("venueId")) {
                named.add(new Refusal.FieldProblem("venueId", problem.message()));
            } else if (entry.matches()) {
                String what = messages.getMessage("desk.import.entry",
                        new Object[] {Integer.parseInt(entry.group(1)) + 1}, language);
                String part = entry.group(2).isEmpty() ? null
                        : messages.getMessage("desk.import.part." + entry.group(2), null, entry.group(2), language);
                named.add(new Refusal.FieldProblem(part == null ? what : what + " (" + part + ")", problem.message()));
            } else {
                named.add(new Refusal.FieldProblem("body".equals(problem.field()) ? "file" : problem.field(),
                        problem.message()));
            }
        }
        return Refusals.of(new Refusal(refusal.status(), refusal.title(), refusal.detail(), named), FIELDS, language);
    }

    private static String text(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value().strip() : "";
    }
}
