package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.DeskMediaApi;
import de.stadtportal.portal.desk.api.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /redaktion/{city}/medien}: the city's media library with a small rendition of each image,
 * the upload form (the file with its alt text) and the form that describes an item anew. The desk
 * refuses only an upload without a file or without alt text before sending; whether the file is an
 * image and small enough the platform decides, and its refusal appears under the file field. An image
 * the library has already is not added twice, and what the editor typed for it is not dropped: the
 * item's page shows it beside the library's description, to be saved or left. An item
 * nothing uses can be deleted from its page; for one still in use the page names who uses it.
 */
@Controller
class DeskMediaController {

    private static final String MEDIA = "/redaktion/{city:[a-z0-9-]+}/medien";
    private static final String ITEM = MEDIA + "/{id:[0-9a-f-]{36}}";

    private final DeskMediaApi media;

    private final DeskTexts texts;

    DeskMediaController(DeskMediaApi media, DeskTexts texts) {
        this.media = media;
        this.texts = texts;
    }

    @GetMapping(MEDIA)
    Mono<String> library(@PathVariable String city, Model model, ServerWebExchange exchange) {
        model.addAttribute("uploaded", exchange.getRequest().getQueryParams().getFirst("hochgeladen"));
        model.addAttribute("known", exchange.getRequest().getQueryParams().containsKey("vorhanden"));
        model.addAttribute("deleted", exchange.getRequest().getQueryParams().containsKey("geloescht"));
        return page(city, MediaForm.empty(), Refusals.none(), model, exchange);
    }

    @PostMapping(path = MEDIA, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> upload(@PathVariable String city, Model model, ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            MediaForm form = MediaForm.of(parts);
            Part file = parts.getFirst("file");
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            if (!(file instanceof FilePart chosen) || chosen.filename().isBlank()) {
                problems.add(new Refusal.FieldProblem("file", "is required"));
            }
            problems.addAll(form.problems());
            if (!problems.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return page(city, form, refusals(new Refusal(400, null, null, problems), exchange), model, exchange);
            }
            return media.upload(city, (FilePart) file, form.parts()).flatMap(answer -> {
                if (answer.ok() && answer.value().existing()) {
                    return Mono.just(already(city, form, answer.value().item(), answer.etag(), model));
                }
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/medien?hochgeladen="
                            + answer.value().item().id());
                }
                if (answer.refusal().forbidden()) {
                    return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
                }
                exchange.getResponse().setStatusCode(HttpStatus.valueOf(answer.refusal().status()));
                return page(city, form, refusals(answer.refusal(), exchange), model, exchange);
            });
        });
    }

    /**
     * The city had the image already, and the API kept its description. When the editor typed nothing
     * the library lacks, the library says so; otherwise the item's page shows the editor's text in the
     * form, the library's under each field that differs, and saving (with the item's ETag) takes it.
     */
    private static String already(String city, MediaForm typed, DeskMedia item, String etag, Model model) {
        MediaForm library = MediaForm.of(item, etag);
        MediaForm proposed = typed.over(library);
        Map<String, String> differences = proposed.differences(library);
        if (differences.isEmpty()) {
            return "redirect:/redaktion/" + city + "/medien?hochgeladen=" + item.id() + "&vorhanden";
        }
        model.addAttribute("existing", differences);
        return describing(model, city, item, proposed, Refusals.none());
    }

    @GetMapping(ITEM)
    Mono<String> item(@PathVariable String city, @PathVariable String id, Model model, ServerWebExchange exchange) {
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("gespeichert"));
        return media.item(id).map(answer -> {
            if (!answer.ok() || !city.equals(answer.value().city())) {
                return DeskArticleController.refused(answer.ok() ? new Refusal(404, null, null, List.of())
                        : answer.refusal(), model, exchange);
            }
            return describing(model, city, answer.value(), MediaForm.of(answer.value(), answer.etag()),
                    Refusals.none());
        });
    }

    @PostMapping(ITEM)
    Mono<String> describe(@PathVariable String city, @PathVariable String id, @ModelAttribute("form") MediaForm form,
            Model model, ServerWebExchange exchange) {
        List<Refusal.FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return media.item(id).map(current -> current.ok() ? describing(model, city, current.value(), form,
                    refusals(new Refusal(400, null, null, problems), exchange))
                    : DeskArticleController.refused(current.refusal(), model, exchange));
        }
        return media.describe(id, form.etag(), form.description()).flatMap(answer -> {
            if (answer.ok()) {
                return Mono.just("redirect:/redaktion/" + city + "/medien/" + id + "?gespeichert");
            }
            if (answer.refusal().forbidden() || answer.refusal().notFound()) {
                return Mono.just(DeskArticleController.refused(answer.refusal(), model, exchange));
            }
            boolean stale = answer.refusal().stale();
            exchange.getResponse().setStatusCode(stale ? HttpStatus.CONFLICT
                    : HttpStatus.valueOf(answer.refusal().status()));
            // lost a race: the editor's text stays, the newer ETag makes saving again a decision
            return media.item(id).map(current -> {
                if (!current.ok()) {
                    return DeskArticleController.refused(current.refusal(), model, exchange);
                }
                model.addAttribute("stale", stale);
                return describing(model, city, current.value(), stale ? form.withEtag(current.etag()) : form,
                        stale ? Refusals.none() : refusals(answer.refusal(), exchange));
            });
        });
    }

    @PostMapping(ITEM + "/loeschen")
    Mono<String> delete(@PathVariable String city, @PathVariable String id, @ModelAttribute Removal.Request removal,
            Model model, ServerWebExchange exchange) {
        return media.item(id).flatMap(current -> {
            if (!current.ok() || !city.equals(current.value().city())) {
                return Mono.just(DeskArticleController.refused(current.ok() ? new Refusal(404, null, null, List.of())
                        : current.refusal(), model, exchange));
            }
            return media.remove(id, removal.etag()).flatMap(answer -> {
                if (answer.ok()) {
                    return Mono.just("redirect:/redaktion/" + city + "/medien?geloescht");
                }
                Refusal refusal = answer.refusal();
                if (refusal.forbidden() || refusal.notFound()) {
                    return Mono.just(DeskArticleController.refused(refusal, model, exchange));
                }
                exchange.getResponse().setStatusCode(refusal.stale() ? HttpStatus.CONFLICT
                        : HttpStatus.valueOf(refusal.status()));
                model.addAttribute("removal", Removal.refused(refusal, "desk.media.inUse", texts,
                        DeskFrame.language(exchange)));
                return media.item(id).map(now -> {
                    DeskMedia item = now.ok() ? now.value() : current.value();
                    String etag = now.ok() ? now.etag() : current.etag();
                    return describing(model, city, item, MediaForm.of(item, etag), Refusals.none());
                });
            });
        });
    }

    private Mono<String> page(String city, MediaForm form, Refusals refusals, Model model, ServerWebExchange exchange) {
        return media.library(city).map(library -> {
            if (!library.ok()) {
                return DeskArticleController.refused(library.refusal(), model, exchange);
            }
            model.addAttribute("city", city);
            model.addAttribute("form", form);
            model.addAttribute("refusals", refusals);
            model.addAttribute("library", library.value().items());
            return "desk/media";
        });
    }

    private static String describing(Model model, String city, DeskMedia item, MediaForm form, Refusals refusals) {
        model.addAttribute("city", city);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("refusals", refusals);
        if (!model.containsAttribute("stale")) {
            model.addAttribute("stale", false);
        }
        return "desk/medium";
    }

    private static Refusals refusals(Refusal refusal, ServerWebExchange exchange) {
        return Refusals.of(refusal, MediaForm.FIELDS, DeskFrame.language(exchange));
    }
}
