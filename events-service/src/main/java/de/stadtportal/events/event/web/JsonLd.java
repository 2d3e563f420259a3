package de.stadtportal.events.event.web;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.EventStatus;
import de.stadtportal.events.event.domain.Price;
import de.stadtportal.events.venue.domain.VenueDetails;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as schema.org {@code Event} in JSON-LD, the shape search engines read for rich results:
 * its status (a sold-out event is still scheduled, its offer is what is sold out), the place with
 * postal address and coordinates, and the offer with price, currency and availability.
 */
final class JsonLd {

    static final String MEDIA_TYPE = "application/ld+json";
    private static final String SCHEMA = "https://schema.org/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private JsonLd() {
    }

    static Map<String, Object> of(EventAtVenue stored, String baseUrl) {
        Event event = stored.event();
        EventDetails d = event.details();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Event");
        json.put("@id", baseUrl + "/api/events/" + event.id());
        json.put("identifier", event.id().toString());
        json.put("name", d.title());
        json.put("description", d.description());
        json.put("startDate", d.allDay() ? d.start().toLocalDate().toString() : ISO.format(d.start()));
        if (d.end() != null) {
            json.put("endDate", d.allDay() ? d.end().toLocalDate().toString() : ISO.format(d.end()));
        }
        json.put("eventStatus", SCHEMA + status(event.status()));
        if (event.previousStart() != null) {
            json.put("previousStartDate", ISO.format(event.previousStart()));
        }
        json.put("eventAttendanceMode", SCHEMA + "OfflineEventAttendanceMode");
        json.put("inLanguage", d.language());
        json.put("isAccessibleForFree", d.price().free());
        if (!d.tags().isEmpty()) {
            json.put("keywords", String.join(", ", d.tags()));
        }
        if (d.image() != null) {
            json.put("image", d.image().url());
        }
        json.put("location", place(stored.venue().details()));
        json.put("offers", offer(event, d));
        return json;
    }

    private static String status(EventStatus status) {
        return switch (status) {
            case CANCELLED -> "EventCancelled";
            case POSTPONED -> "EventPostponed";
            case RESCHEDULED -> "EventRescheduled";
            case SCHEDULED, SOLD_OUT -> "EventScheduled";
        };
    }

    private static Map<String, Object> place(VenueDetails venue) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("streetAddress", venue.address().street());
        address.put("postalCode", venue.address().postalCode());
        address.put("addressLocality", venue.address().locality());
        address.put("addressCountry", "DE");
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("@type", "GeoCoordinates");
        geo.put("latitude", venue.geo().lat());
        geo.put("longitude", venue.geo().lon());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", venue.name());
        place.put("address", address);
        place.put("geo", geo);
        if (venue.url() != null) {
            place.put("url", venue.url());
        }
        return place;
    }

    private static Map<String, Object> offer(Event event, EventDetails d) {
        Price price = d.price();
        Map<String, Object> offer = new LinkedHashMap<>();
        BigDecimal low = price.free() ? BigDecimal.ZERO : price.min();
        BigDecimal high = price.free() ? BigDecimal.ZERO : price.max();
        boolean range = low != null && high != null && low.compareTo(high) != 0;
        offer.put("@type", range ? "AggregateOffer" : "Offer");
        if (range) {
            offer.put("lowPrice", low);
            offer.put("highPrice", high);
        } else if (low != null || high != null) {
            offer.put("price", low != null ? low : high);
        }
        offer.put("priceCurrency", price.currency() == null ? "EUR" : price.currency());
        offer.put("availability", SCHEMA + switch (event.status()) {
            case SOLD_OUT -> "SoldOut";
            case CANCELLED -> "Discontinued";
            default -> "InStock";
        });
        if (d.ticketUrl() != null) {
            offer.put("url", d.ticketUrl());
        }
        return offer;
    }
}
