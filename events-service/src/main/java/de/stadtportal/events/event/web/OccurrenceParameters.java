package de.stadtportal.events.event.web;

import de.stadtportal.events.EventsProperties;
import de.stadtportal.events.event.application.OccurrenceQuery;
import de.stadtportal.kernel.Geo;
import de.stadtportal.kernel.PortalTime;
import de.stadtportal.web.http.QueryTimes;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code GET /api/events} as an {@link OccurrenceQuery}, checked all at once so
 * that one answer names every bad parameter. {@code from}/{@code to} take a date-time with offset or
 * a plain date (midnight in Europe/Berlin); the window is bounded, and so is every query's
 * recurrence expansion.
 */
final class OccurrenceParameters {

    static final double MAX_RADIUS_KM = 1000;

    private OccurrenceParameters() {
    }

    /** The previous page's last occurrence, as the cursor names it. */
    private record Position(Instant start, UUID event) {
    }

    static OccurrenceQuery parse(MultiValueMap<String, String> params, EventsProperties settings, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = parse(params.getFirst("from"), "from", errors, OccurrenceParameters::instant);
        Instant to = parse(params.getFirst("to"), "to", errors, OccurrenceParameters::instant);
        if (from == null && params.getFirst("from") == null) {
            from = now;
        }
        if (to == null && params.getFirst("to") == null && from != null) {
            to = from.plus(settings.defaultWindow());
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                errors.add(new FieldError("from", "must be before to"));
            } else if (Duration.between(from, to).compareTo(settings.maxWindow()) > 0) {
                errors.add(new FieldError("to", "must be at most " + settings.maxWindow().toDays() + " days after from"));
            }
        }
        String category = params.getFirst("category");
        if (category != null && !settings.categories().containsKey(category)) {
            errors.add(new FieldError("category", "must be one of " + String.join(", ", settings.categories().keySet())));
        }
        UUID venue = parse(params.getFirst("venue"), "venue", errors, UUID::fromString);
        Geo near = parse(params.getFirst("near"), "near", errors, OccurrenceParameters::geo);
        Double radius = parse(params.getFirst("radiusKm"), "radiusKm", errors, Double::valueOf);
        if (radius != null) {
            if (params.getFirst("near") == null) {
                errors.add(new FieldError("radiusKm", "needs near=LAT,LON"));
            } else if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
                errors.add(new FieldError("radiusKm", "must be above 0 and at most " + (int) MAX_RADIUS_KM));
            }
        }
        Boolean free = parse(params.getFirst("free"), "free", errors, OccurrenceParameters::bool);
        Boolean accessible = parse(params.getFirst("accessible"), "accessible", errors, OccurrenceParameters::bool);
        int limit = Limit.DEFAULT;
        try {
            limit = Limit.parse(params.getFirst("limit"));
        } catch (ApiProblem problem) {
            errors.addAll(problem.errors());
        }
        Position after = null;
        String cursor = params.getFirst("cursor");
        if (cursor != null) {
            try {
                after = Cursor.read(cursor, 2,
                        values -> new Position(Instant.parse(values.get(0)), UUID.fromString(values.get(1))));
            } catch (ApiProblem problem) {
                errors.addAll(problem.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request",
                    "Invalid query parameter(s): " + String.join(", ", errors.stream().map(FieldError::field).toList()),
                    errors);
        }
        return new OccurrenceQuery(blankToNull(params.getFirst("city")), from, to, category, venue, near,
                radius == null ? settings.defaultRadiusKm() : radius, free, accessible, limit,
                after == null ? null : after.start(), after == null ? null : after.event());
    }

    private static <T> T parse(String raw, String name, List<FieldError> errors, Function<String, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, message(name)));
            return null;
        }
    }

    private static String message(String name) {
        return switch (name) {
            case "from", "to" -> "must be an ISO-8601 date-time with offset or a date";
            case "venue" -> "must be a venue id";
            case "near" -> "must be LAT,LON with latitude -90..90 and longitude -180..180";
            case "radiusKm" -> "must be a number of kilometres";
            default -> "must be true or false";
        };
    }

    private static Instant instant(String raw) {
        return QueryTimes.parse(raw, false, PortalTime.ZONE).toInstant();
    }

    private static Geo geo(String raw) {
        String[] parts = raw.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not LAT,LON");
        }
        double lat = Double.parseDouble(parts[0].trim());
        double lon = Double.parseDouble(parts[1].trim());
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            throw new IllegalArgumentException("not finite");
        }
        return new Geo(lat, lon);
    }

    private static Boolean bool(String raw) {
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
