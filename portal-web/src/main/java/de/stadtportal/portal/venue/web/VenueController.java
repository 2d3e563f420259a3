package de.stadtportal.portal.venue.web;

import de.stadtportal.portal.PortalProperties;
import de.stadtportal.portal.api.Items;
import de.stadtportal.portal.api.Lists;
import de.stadtportal.portal.api.Occurrence;
import de.stadtportal.portal.api.Part;
import de.stadtportal.portal.api.PlatformApi;
import de.stadtportal.portal.api.Venue;
import de.stadtportal.portal.page.Caching;
import de.stadtportal.portal.page.Links;
import de.stadtportal.portal.page.PageMeta;
import de.stadtportal.portal.page.PageNotFound;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /{city}/orte/{id}}. */
@Controller
class VenueController {

    private final PlatformApi api;
    private final PortalProperties settings;
    private final Links links;

    VenueController(PlatformApi api, PortalProperties settings, Links links) {
        this.api = api;
        this.settings = settings;
        this.links = links;
    }

    @GetMapping("/{city:" + Links.SLUG + "}/orte/{id:" + Links.ID + "}")
    Mono<Rendering> venue(@PathVariable String city, @PathVariable String id) {
        Mono<Venue> venue = PageNotFound.unlessFoundIn(city, Venue::city,
                api.read("/api/venues/" + id, Map.of(), Venue.class), "The venue " + id);
        Mono<Part<List<Occurrence>>> events = Part.of("venue events",
                api.read("/api/events", Map.of("venue", id, "limit", 10), Lists.OCCURRENCES).map(Items::items),
                List.of(), settings.partTimeout());
        return Mono.zip(venue, events).map(read -> {
            Venue shown = read.getT1();
            String address = shown.address() == null ? ""
                    : shown.address().street() + ", " + shown.address().postalCode() + " " + shown.address().locality();
            PageMeta meta = PageMeta.of(shown.name(), shown.name() + ", " + address + ": Adresse, Barrierefreiheit und"
                    + " die nächsten Veranstaltungen.", settings.base() + links.venue(city, id));
            return Rendering.view("venue").modelAttribute("meta", meta).modelAttribute("venue", shown)
                    .modelAttribute("citySlug", city).modelAttribute("events", read.getT2())
                    .header(HttpHeaders.CACHE_CONTROL, Caching.of(Caching.EVENTS, read.getT2().unavailable())).build();
        });
    }
}
