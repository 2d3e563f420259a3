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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * The columns of {@code event} a write sets, each as the statement parameter of the same name and
     * with the type its NULL is bound as: one list for the statements that write a row
     * ({@link #bind}) and those that write several from a JSON array ({@link #json}).
     */
    private static final List<Column> COLUMNS = List.of(
            new Column("id", UUID.class, Event::id),
            new Column("city", String.class, event -> event.details().city()),
            new Column("venue_id", UUID.class, event -> event.details().venueId()),
            new Column("title", String.class, event -> event.details().title()),
            new Column("description", String.class, event -> event.details().description()),
            new Column("category", String.class, event -> event.details().category()),
            new Column("start_at", OffsetDateTime.class, event -> event.details().start()),
            new Column("end_at", OffsetDateTime.class, event -> event.details().end()),
            new Column("all_day", Boolean.class, event -> event.details().allDay()),
            new Column("rrule", String.class,
                    event -> event.details().recurrence() == null ? null : event.details().recurrence().rrule()),
            new Column("exdates", String[].class, event -> event.details().recurrence() == null ? new String[0]
                    : event.details().recurrence().exdates().stream().map(OffsetDateTime::toString)
                            .toArray(String[]::new)),
            new Column("series_end", OffsetDateTime.class,
                    event -> event.seriesEnd().map(end -> end.atOffset(ZoneOffset.UTC)).orElse(null)),
            new Column("price_free", Boolean.class, event -> event.details().price().free()),
            new Column("price_min", BigDecimal.class, event -> event.details().price().min()),
            new Column("price_max", BigDecimal.class, event -> event.details().price().max()),
            new Column("currency", String.class, event -> event.details().price().currency()),
            new Column("ticket_url", String.class, event -> event.details().ticketUrl()),
            new Column("language", String.class, event -> event.details().language()),
            new Column("accessibility", String[].class,
                    event -> event.details().accessibility().toArray(String[]::new)),
            new Column("tags", String[].class, event -> event.details().tags().toArray(String[]::new)),
            new Column("image_url", String.class,
                    event -> event.details().image() == null ? null : event.details().image().url()),
            new Column("image_alt", String.class,
                    event -> event.details().image() == null ? null : event.details().image().alt()),
            new Column("status", String.class, event -> event.status().apiName()),
            new Column("previous_start", OffsetDateTime.class, Event::previousStart),
            new Column("version", Long.class, Event::version),
            new Column("created_at", OffsetDateTime.class, event -> event.createdAt().atOffset(ZoneOffset.UTC)),
            new Column("updated_at", OffsetDateTime.class, event -> event.updatedAt().atOffset(ZoneOffset.UTC)),
            new Column("announce_again_at", OffsetDateTime.class,
                    event -> event.announceAgainAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null)));

    /** The names of the columns {@link #bind} and {@link #json} give, in their order, for a statement's column list. */
    static final String COLUMN_NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    /** The parameters {@link #bind} binds, in the order of {@link #COLUMN_NAMES}, for a statement's {@code VALUES}. */
    static final String PARAMETERS = COLUMNS.stream().map(column -> ":" + column.name())
            .collect(Collectors.joining(", "));

    private record Column(String name, Class<?> type, Function<Event, Object> value) {
    }

    /** Binds each column of {@code event} to the parameter of its name ({@code :venue_id}, …). */
    static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Event event) {
        for (Column column : COLUMNS) {
            Object value = column.value().apply(event);
            spec = value == null ? spec.bindNull(column.name(), column.type()) : spec.bind(column.name(), value);
        }
        return spec;
    }

    /**
     * The columns of {@code event} as a JSON object for {@code json_populate_recordset}, keyed by
     * column name: each value as PostgreSQL reads its column from text (times in ISO 8601, numbers
     * and UUIDs as written), arrays as JSON arrays, a NULL as null.
     */
    static Map<String, Object> json(Event event) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : COLUMNS) {
            Object value = column.value().apply(event);
            boolean asIs = value == null || value instanceof Boolean || value instanceof String[];
            row.put(column.name(), value instanceof BigDecimal number ? number.toPlainString()
                    : asIs ? value : value.toString());
        }
        return row;
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
