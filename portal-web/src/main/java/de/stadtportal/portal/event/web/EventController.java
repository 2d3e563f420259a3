package de.stadtportal.portal.event.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Category;
import de.stadtportal.portal.api.City;
import de.stadtportal.portal.api.Event;
import de.stadtportal.portal.api.Items;
import de.stadtportal.portal.api.Lists;
import de.stadtportal.portal.api.Occurrence;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Dates;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageMeta;
import de.stadtportal.portal.page.PageNotFound;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /{city}/veranstaltungen} (the calendar), {@code …/{id}} (one event) and {@code …/{id}.ics}. */
@Controller
class EventController {

    private static final int PAGE = 20;
    private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar");

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;
    private final Dates dates;
    private final Duration timeout;

    EventController(PlatformApi api, PortalProperties settings, Links links, Dates dates) {
        this.api = api;
        this.settings = settings;
        this.links = links;
        this.dates = dates;
        this.timeout = settings.partTimeout();
    }

    @GetMapping("/{city:" + Links.SLUG + "}/veranstaltungen")
    Mono<Rendering> calendar(@PathVariable String city, @RequestParam(name = "von", required = false) String from,
            @RequestParam(name = "bis", required = false) String to,
            @RequestParam(name = "kategorie", required = false) String category,
            @RequestParam(name = "kostenlos", required = false) String free,
            @RequestParam(name = "barrierefrei", required = false) String accessible,
            @RequestParam(required = false) String cursor) {
        CalendarFilter filter = CalendarFilter.of(from, to, category, free, accessible, cursor);
        Mono<City> place = PageNotFound.unlessFound(api.read("/api/cities/" + city, Map.of(), City.class),
                "The city " + city);
        Mono<Part<Items<Occurrence>>> events = Part.of("events",
                api.read("/api/events", filter.query(city, PAGE), Lists.OCCURRENCES), Items.none(), timeout);
        Mono<Part<List<Category>>> categories = Part.of("categories",
                api.read("/api/events/categories", Map.of(), Lists.CATEGORIES).map(Items::items), List.of(), timeout);
        return Mono.zip(place, events, categories).map(read -> {
            City shown = read.getT1();
            String path = links.calendar(city);
            PageMeta meta = PageMeta.of("Veranstaltungen in " + shown.name(),
                    "Konzerte, Theater, Ausstellungen und Feste in " + shown.name() + ": alle Termine mit Ort und Zeit.",
                    settings.base() + path);
            String next = read.getT2().value().next() == null ? null : filter.next(path, read.getT2().value().next());
            return Rendering.view("events").modelAttribute("meta", meta).modelAttribute("city", shown)
                    .modelAttribute("filter", filter).modelAttribute("events", read.getT2())
                    .modelAttribute("categories", read.getT3().value()).modelAttribute("next", next)
                    .header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.EVENTS, read.getT2().unavailable()))
                    .build();
        });
    }

    @GetMapping("/{city:" + Links.SLUG + "}/veranstaltungen/{id:" + Links.ID + "}")
    Mono<Rendering> event(@PathVariable String city, @PathVariable String id) {
        Mono<Event> event = PageNotFound.unlessFoundIn(city, Event::city,
                api.read("/api/events/" + id, Map.of(), Event.class), "The event " + id);
        // the platform's own schema.org description; a page without it is still the event's page
        Mono<Part<String>> described = Part.of("json-ld", api.text("/api/events/" + id, LD_JSON), "", timeout);
        return Mono.zip(event, described).map(read -> {
            Event shown = read.getT1();
            String where = shown.venue() == null ? "" : " – " + shown.venue().name();
            PageMeta meta = PageMeta.of(shown.title() + where,
                    dates.dayAndTime(shown.start()) + where + ". " + shorten(shown.description()),
                    settings.base() + links.event(city, id))
                    .withImage(shown.image() == null ? null : shown.image().url());
            return Rendering.view("event").modelAttribute("meta", meta).modelAttribute("event", shown)
                    .modelAttribute("citySlug", city).modelAttribute("jsonLd", scriptSafe(read.getT2().value()))
                    .header(HttpHeaders.CACHE_CONTROL, Caching.EVENTS).build();
        });
    }

    /** The event as an iCalendar file, for a link a browser can follow (the API answers it by content type). */
    @GetMapping("/{city:" + Links.SLUG + "}/veranstaltungen/{id:" + Links.ID + "}/kalender.ics")
    Mono<ResponseEntity<String>> ics(@PathVariable String city, @PathVariable String id) {
        return PageNotFound.unlessFound(api.text("/api/events/" + id, CALENDAR), "The event " + id)
                .map(calendar -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename("veranstaltung-" + id + ".ics").build().toString())
                        .header(HttpHeaders.CACHE_CONTROL, Caching.EVENTS)
                        .body(calendar));
    }

    /**
     * JSON inside a {@code <script>} element ends at the first {@code </script>}; writing every
     * {@code <} as its JSON escape keeps the document one JSON value whatever the texts contain.
     */
    static String scriptSafe(String json) {
        return json == null ? "" : json.replace("<", "\\u003c");
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 157) + "…" : text;
    }
}
