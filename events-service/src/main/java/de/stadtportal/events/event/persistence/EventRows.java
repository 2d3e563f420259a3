package de.stadtportal.events.event.persistence;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.event.domain.EventStatus;
import de.stadtportal.events.event.domain.Image;
import de.stadtportal.events.event.domain.Price;
import de.stadtportal.events.event.domain.Recurrence;
import de.stadtportal.events.venue.persistence.VenueRepository;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** How an event is a row of {@code event}: its columns bound for a write and read back, with its venue joined. */
final class EventRows {

    private EventRows() {
    }

    /** An event row ({@code e}) joined with its venue ({@code v}), as {@link #atVenue} reads it. */
    static EventAtVenue atVenue(Readable row) {
        return new EventAtVenue(event(row), VenueRepository.map(row, "v_"));
    }

    /** The distance column of a query with {@code near}, in kilometres; null without. */
    static Double distanceKm(Readable row) {
        Double metres = row.get("distance_m", Double.class);
        return metres == null ? null : metres / 1000.0;
    }

    static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Event event) {
        EventDetails d = event.details();
        Recurrence recurrence = d.recurrence();
        spec = spec.bind("id", event.id())
                .bind("city", d.city())
                .bind("venueId", d.venueId())
                .bind("title", d.title())
                .bind("description", d.description())
                .bind("category", d.category())
                .bind("startAt", d.start())
                .bind("allDay", d.allDay())
                .bind("exdates", recurrence == null ? new String[0]
                        : recurrence.exdates().stream().map(OffsetDateTime::toString).toArray(String[]::new))
                .bind("priceFree", d.price().free())
                .bind("language", d.language())
                .bind("accessibility", d.accessibility().toArray(String[]::new))
                .bind("tags", d.tags().toArray(String[]::new))
                .bind("status", event.status().apiName())
                .bind("version", event.version())
                .bind("createdAt", event.createdAt().atOffset(ZoneOffset.UTC))
                .bind("updatedAt", event.updatedAt().atOffset(ZoneOffset.UTC));
        spec = nullable(spec, "endAt", d.end(), OffsetDateTime.class);
        spec = nullable(spec, "rrule", recurrence == null ? null : recurrence.rrule(), String.class);
        spec = nullable(spec, "seriesEnd", event.seriesEnd().map(end -> end.atOffset(ZoneOffset.UTC)).orElse(null),
                OffsetDateTime.class);
        spec = nullable(spec, "announceAgainAt",
                event.announceAgainAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null), OffsetDateTime.class);
        spec = nullable(spec, "priceMin", d.price().min(), BigDecimal.class);
        spec = nullable(spec, "priceMax", d.price().max(), BigDecimal.class);
        spec = nullable(spec, "currency", d.price().currency(), String.class);
        spec = nullable(spec, "ticketUrl", d.ticketUrl(), String.class);
        spec = nullable(spec, "imageUrl", d.image() == null ? null : d.image().url(), String.class);
        spec = nullable(spec, "imageAlt", d.image() == null ? null : d.image().alt(), String.class);
        return nullable(spec, "previousStart", event.previousStart(), OffsetDateTime.class);
    }

    /** Binds {@code value}, or a NULL of {@code type}: what the statements' optional predicates test for. */
    static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static Event event(Readable row) {
        String rrule = row.get("rrule", String.class);
        String[] exdates = row.get("exdates", String[].class);
        String imageUrl = row.get("image_url", String.class);
        EventDetails details = new EventDetails(
                row.get("city", String.class),
                row.get("venue_id", UUID.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("category", String.class),
                Event.local(row.get("start_at", OffsetDateTime.class)),
                Event.local(row.get("end_at", OffsetDateTime.class)),
                Boolean.TRUE.equals(row.get("all_day", Boolean.class)),
                rrule == null ? null : new Recurrence(rrule, exdates == null ? List.of()
                        : Arrays.stream(exdates).map(OffsetDateTime::parse).map(Event::local).toList()),
                new Price(Boolean.TRUE.equals(row.get("price_free", Boolean.class)),
                        row.get("price_min", BigDecimal.class), row.get("price_max", BigDecimal.class),
                        row.get("currency", String.class)),
                row.get("ticket_url", String.class),
                row.get("language", String.class),
                list(row.get("accessibility", String[].class)),
                list(row.get("tags", String[].class)),
                imageUrl == null ? null : new Image(imageUrl, row.get("image_alt", String.class)));
        return new Event(row.get("id", UUID.class), details,
                EventStatus.ofApiName(row.get("status", String.class)),
                Event.local(row.get("previous_start", OffsetDateTime.class)),
                row.get("version", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
