package de.stadtportal.portal.desk;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.Recur;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events API's part of the stand-in platform, as events-service answers: events and venues in
 * memory, writes only for the cities of the caller's token (403 otherwise), {@code PUT} with
 * {@code If-Match} (428 without, 412 when stale), the lifecycle steps with the service's status rules
 * (409), field errors as problem documents, and the list of starts with weekly series expanded by
 * ical4j as the service expands them. Longer than most test helpers because it is one coherent
 * stand-in for one service's API; split, its rules would be read apart from the state they guard.
 */
final class FakeEventsApi {

    static final String MUSIKFORUM = "9a2b0000-0000-4000-8000-000000000001";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int MAX_WINDOW_DAYS = 400;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, ObjectNode> events = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> venues = new ConcurrentHashMap<>();
    /** The event an import made of each UID, by city and UID. */
    private final Map<String, String> imported = new ConcurrentHashMap<>();

    FakeEventsApi() {
        ObjectNode musikforum = JSON.createObjectNode().put("id", MUSIKFORUM).put("city", "bochum")
                .put("name", "Musikforum Ruhr").put("url", "https://www.musikforum-ruhr.de").put("version", 1);
        musikforum.putObject("address").put("street", "Marienplatz 1").put("postalCode", "44787")
                .put("locality", "Bochum");
        musikforum.putObject("geo").put("lat", 51.4787).put("lon", 7.2163);
        musikforum.putArray("accessibility").add("wheelchair");
        venues.put(MUSIKFORUM, musikforum);
    }

    boolean handles(String path) {
        return path.startsWith("/api/events") || path.startsWith("/api/venues");
    }

    ObjectNode event(String id) {
        return events.get(id);
    }

    ObjectNode venue(String id) {
        return venues.get(id);
    }

    /** An event as an editor of its city would have created it through the API; answers its id. */
    String created(String city, String title, OffsetDateTime start, String rrule) {
        ObjectNode body = JSON.createObjectNode().put("city", city).put("venueId", MUSIKFORUM).put("title", title)
                .put("category", "konzert").put("start", start.toString()).put("end", start.plusHours(2).toString());
        if (rrule != null) {
            body.putObject("recurrence").put("rrule", rrule).putArray("exdates");
        }
        body.putObject("price").put("free", false).put("min", 12.0).put("max", 39.0).put("currency", "EUR");
        body.put("ticketUrl", "https://tickets.example/" + title.length());
        return store(UUID.randomUUID().toString(), body).get("id").asString();
    }

    /** Someone else changes the event: a new title, a new version. */
    void changedMeanwhile(String id, String title) {
        ObjectNode event = events.get(id);
        event.put("title", title).put("version", event.get("version").asLong() + 1);
    }

    Mono<Void> answer(String method, String path, Map<String, List<String>> query, List<String> cities, String ifMatch,
            String body, HttpServerResponse response) {
        String[] parts = path.substring(1).split("/");
        if (parts[1].equals("venues")) {
            return venues(method, parts, query, cities, ifMatch, body, response);
        }
        if (parts.length == 2 && method.equals("GET")) {
            return listed(query, response);
        }
        if (parts.length == 3 && parts[2].equals("categories")) {
            return send(response, 200, "{\"items\":[{\"id\":\"konzert\",\"label\":\"Konzert\"},{\"id\":\"theater\","
                    + "\"label\":\"Theater\"}],\"next\":null}");
        }
        if (parts.length == 3 && parts[2].equals("import") && method.equals("POST")) {
            return importCalendar(query, cities, body, response);
        }
        if (parts.length == 2) {
            JsonNode written = JSON.readTree(body);
            if (!cities.contains(written.path("city").asString(""))) {
                return problem(response, 403, "This token may not change events of this city", List.of());
            }
            List<Map<String, String>> errors = invalid(written);
            if (!errors.isEmpty()) {
                return problem(response, 400, "The request has invalid fields", errors);
            }
            return one(response, 201, view(store(UUID.randomUUID().toString(), (ObjectNode) written)));
        }
        ObjectNode event = events.get(parts[2]);
        if (event == null) {
            return problem(response, 404, "No event " + parts[2], List.of());
        }
        if (method.equals("GET")) {
            return one(response, 200, view(event));
        }
        if (!cities.contains(event.get("city").asString())) {
            return problem(response, 403, "This token may not change events of this city", List.of());
        }
        String etag = "\"" + event.get("version").asLong() + "\"";
        if (method.equals("PUT") && ifMatch == null) {
            return problem(response, 428, "If-Match is required", List.of());
        }
        if (ifMatch != null && !ifMatch.equals(etag)) {
            return problem(response, 412, "The event was changed meanwhile", List.of());
        }
        if (method.equals("PUT")) {
            JsonNode written = JSON.readTree(body);
            List<Map<String, String>> errors = invalid(written);
            if (!errors.isEmpty()) {
                return problem(response, 400, "The request has invalid fields", errors);
            }
            ObjectNode changed = ((ObjectNode) written).put("id", event.get("id").asString())
                    .put("status", event.get("status").asString()).put("version", event.get("version").asLong() + 1);
            changed.set("previousStart", event.get("previousStart"));
            events.put(changed.get("id").asString(), changed);
            return one(response, 200, view(changed));
        }
        return step(parts[3], event, body, response);
    }

    private Mono<Void> step(String step, ObjectNode event, String body, HttpServerResponse response) {
        String status = event.get("status").asString();
        switch (step) {
            case "cancellation" -> {
                if (status.equals("cancelled")) {
                    return problem(response, 409, "The event is cancelled already", List.of());
                }
                event.put("status", "cancelled");
            }
            case "postponement" -> {
                if (status.equals("cancelled") || status.equals("postponed")) {
                    return problem(response, 409, "A " + status + " event cannot be postponed; reschedule it instead",
                            List.of());
                }
                event.put("status", "postponed");
            }
            case "sold-out" -> {
                if (!status.equals("scheduled") && !status.equals("rescheduled")) {
                    return problem(response, 409, "A " + status + " event cannot be sold out", List.of());
                }
                event.put("status", "sold_out");
            }
            case "rescheduling" -> {
                JsonNode moved = JSON.readTree(body);
                if (moved.path("start").isMissingNode() || moved.path("start").isNull()) {
                    return problem(response, 400, "The request has invalid fields",
                            List.of(Map.of("field", "start", "message", "is required")));
                }
                OffsetDateTime oldStart = OffsetDateTime.parse(event.get("start").asString());
                OffsetDateTime newStart = OffsetDateTime.parse(moved.get("start").asString());
                if (!event.path("end").isNull() && !event.path("end").isMissingNode()) {
                    Duration length = Duration.between(oldStart, OffsetDateTime.parse(event.get("end").asString()));
                    event.put("end", newStart.plus(length).toString());
                }
                event.put("previousStart", oldStart.toString()).put("start", newStart.toString())
                        .put("status", "rescheduled");
            }
            default -> {
                return problem(response, 404, "No such step", List.of());
            }
        }
        event.put("version", event.get("version").asLong() + 1);
        return one(response, 200, view(event));
    }

    private Mono<Void> venues(String method, String[] parts, Map<String, List<String>> query, List<String> cities,
            String ifMatch, String body, HttpServerResponse response) {
        if (parts.length == 2 && method.equals("GET")) {
            String city = query.containsKey("city") ? query.get("city").get(0) : null;
            ArrayNode items = JSON.createArrayNode();
            venues.values().stream().filter(venue -> city == null || venue.get("city").asString().equals(city))
                    .sorted(Comparator.comparing(venue -> venue.get("name").asString())).forEach(items::add);
            return send(response, 200, "{\"items\":" + JSON.writeValueAsString(items) + ",\"next\":null}");
        }
        ObjectNode venue = parts.length == 3 ? venues.get(parts[2]) : null;
        if (parts.length == 3 && venue == null) {
            return problem(response, 404, "No venue " + parts[2], List.of());
        }
        if (method.equals("GET")) {
            return one(response, 200, venue);
        }
        if (method.equals("DELETE")) {
            return removed(venue, cities, ifMatch, response);
        }
        ObjectNode written = (ObjectNode) JSON.readTree(body);
        String city = venue != null ? venue.get("city").asString() : written.path("city").asString("");
        if (!cities.contains(city)) {
            return problem(response, 403, "This token may not change venues of this city", List.of());
        }
        if (venue != null && !("\"" + venue.get("version").asLong() + "\"").equals(ifMatch)) {
            return problem(response, ifMatch == null ? 428 : 412, "The venue was changed meanwhile", List.of());
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (written.path("name").asString("").isBlank()) {
            errors.add(Map.of("field", "name", "message", "must not be blank"));
        }
        if (written.path("address").path("postalCode").asString("").isBlank()) {
            errors.add(Map.of("field", "address.postalCode", "message", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            return problem(response, 400, "The request has invalid fields", errors);
        }
        String id = venue != null ? venue.get("id").asString() : UUID.randomUUID().toString();
        written.put("id", id).put("version", venue == null ? 1 : venue.get("version").asLong() + 1);
        venues.put(id, written);
        return one(response, venue == null ? 201 : 200, written);
    }

    /** A venue deleted as events-service deletes one: never one that still has events (409). */
    private Mono<Void> removed(ObjectNode venue, List<String> cities, String ifMatch, HttpServerResponse response) {
        if (!cities.contains(venue.get("city").asString())) {
            return problem(response, 403, "This token may not change venues of this city", List.of());
        }
        if (ifMatch != null && !("\"" + venue.get("version").asLong() + "\"").equals(ifMatch)) {
            return problem(response, 412, "The venue was changed meanwhile", List.of());
        }
        String id = venue.get("id").asString();
        if (events.values().stream().anyMatch(event -> id.equals(event.path("venueId").asString("")))) {
            return problem(response, 409, "The venue still has events", List.of());
        }
        venues.remove(id);
        return response.status(204).send();
    }

    /**
     * {@code POST /api/events/import} as the service answers it, for calendars as simple as the
     * desk's tests send: each VEVENT's UID, SUMMARY and DTSTART in Europe/Berlin; a UID imported into
     * the city before is left as it is; a CANCELLED one refuses the whole file, naming its entry.
     */
    private Mono<Void> importCalendar(Map<String, List<String>> query, List<String> cities, String body,
            HttpServerResponse response) {
        String city = query.get("city").get(0);
        if (!cities.contains(city)) {
            return problem(response, 403, "This token may not change events of this city", List.of());
        }
        if (!body.startsWith("BEGIN:VCALENDAR")) {
            return problem(response, 400, "The body is not an iCalendar (RFC 5545) document",
                    List.of(Map.of("field", "body", "message", "cannot be read as a VCALENDAR")));
        }
        String[] pieces = body.split("BEGIN:VEVENT");
        List<String> vevents = List.of(pieces).subList(1, pieces.length);
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < vevents.size(); i++) {
            if (vevents.get(i).contains("STATUS:CANCELLED")) {
                errors.add(Map.of("field", "events[" + i + "].status", "message",
                        "is CANCELLED: remove it from the calendar to import the others"));
            }
        }
        if (!errors.isEmpty()) {
            return problem(response, 400, "The calendar has VEVENTs that cannot be imported", errors);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode made = answer.putArray("events");
        ArrayNode unchanged = answer.putArray("unchanged");
        for (String vevent : vevents) {
            String uid = line(vevent, "UID:");
            String known = imported.get(city + " " + uid);
            if (known != null) {
                unchanged.addObject().put("uid", uid).put("id", known);
                continue;
            }
            ObjectNode event = JSON.createObjectNode().put("city", city)
                    .put("venueId", query.get("venueId").get(0)).put("title", line(vevent, "SUMMARY:"))
                    .put("category", query.containsKey("category") ? query.get("category").get(0) : "konzert")
                    .put("start", LocalDateTime.parse(line(vevent, "DTSTART;TZID=Europe/Berlin:"),
                            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(BERLIN).toOffsetDateTime().toString());
            event.putNull("end");
            String id = store(UUID.randomUUID().toString(), event).get("id").asString();
            imported.put(city + " " + uid, id);
            made.add(view(event));
        }
        return send(response, made.isEmpty() ? 200 : 201, JSON.writeValueAsString(answer));
    }

    private static String line(String vevent, String prefix) {
        return vevent.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).strip();
    }

    private ObjectNode store(String id, ObjectNode body) {
        ObjectNode event = body.put("id", id).put("status", "scheduled").put("version", 1);
        event.putNull("previousStart");
        events.put(id, event);
        return event;
    }

    /**
     * The API's checks that the desk's tests lean on: a title, an end after the start, no negative
     * price, tickets by http(s), a two-letter language, no blank accessibility label.
     */
    private List<Map<String, String>> invalid(JsonNode written) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (written.path("title").asString("").isBlank()) {
            errors.add(Map.of("field", "title", "message", "must not be blank"));
        }
        JsonNode end = written.path("end");
        if (!end.isNull() && !end.isMissingNode() && !OffsetDateTime.parse(end.asString())
                .isAfter(OffsetDateTime.parse(written.path("start").asString()))) {
            errors.add(Map.of("field", "end", "message", "must be after start"));
        }
        for (String bound : List.of("min", "max")) {
            if (written.path("price").path(bound).asDouble(0) < 0) {
                errors.add(Map.of("field", "price." + bound, "message", "must not be negative"));
            }
        }
        String tickets = written.path("ticketUrl").asString("");
        if (!tickets.isEmpty() && !tickets.startsWith("https://") && !tickets.startsWith("http://")) {
            errors.add(Map.of("field", "ticketUrl", "message", "must be an absolute http or https URL"));
        }
        if (!written.path("language").isNull() && !written.path("language").isMissingNode()
                && !written.path("language").asString("").matches("[a-z]{2}")) {
            errors.add(Map.of("field", "language", "message", "must be a two-letter code like 'de'"));
        }
        JsonNode accessibility = written.path("accessibility");
        for (int i = 0; i < accessibility.size(); i++) {
            if (accessibility.get(i).asString("").isBlank()) {
                errors.add(Map.of("field", "accessibility[" + i + "]", "message", "must not be blank"));
            }
        }
        if (written.path("recurrence").path("rrule").asString("").contains("FREQ=SECONDLY")) {
            errors.add(Map.of("field", "recurrence.rrule", "message", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"));
        }
        return errors;
    }

    /**
     * A page of the city's starts as the API pages them: at most {@code limit}, the cursor naming where
     * the next page begins (here simply the position); a window longer than the API's 400 days refused.
     */
    private Mono<Void> listed(Map<String, List<String>> query, HttpServerResponse response) {
        LocalDate from = LocalDate.parse(query.get("from").get(0));
        LocalDate to = LocalDate.parse(query.get("to").get(0));
        if (from.plusDays(MAX_WINDOW_DAYS).isBefore(to)) {
            return problem(response, 400, "The request has invalid parameters", List.of(Map.of("field", "to",
                    "message", "must be at most " + MAX_WINDOW_DAYS + " days after from")));
        }
        List<Map<String, Object>> all = occurrences(query);
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit").get(0)) : 20;
        int position = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor").get(0)) : 0;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", all.subList(Math.min(position, all.size()), Math.min(position + limit, all.size())));
        page.put("next", position + limit < all.size() ? String.valueOf(position + limit) : null);
        return send(response, 200, JSON.writeValueAsString(page));
    }

    /** Every start of the city's events from {@code from} to {@code to}, soonest first. */
    private List<Map<String, Object>> occurrences(Map<String, List<String>> query) {
        String city = query.get("city").get(0);
        ZonedDateTime from = LocalDate.parse(query.get("from").get(0)).atStartOfDay(BERLIN);
        ZonedDateTime to = LocalDate.parse(query.get("to").get(0)).atStartOfDay(BERLIN);
        List<Map<String, Object>> found = new ArrayList<>();
        for (ObjectNode event : events.values()) {
            if (!event.get("city").asString().equals(city)) {
                continue;
            }
            ZonedDateTime start = OffsetDateTime.parse(event.get("start").asString()).atZoneSameInstant(BERLIN);
            JsonNode recurrence = event.path("recurrence");
            List<ZonedDateTime> starts = recurrence.path("rrule").isString()
                    ? new Recur<ZonedDateTime>(recurrence.get("rrule").asString()).getDates(start, from, to, 1000)
                    : List.of(start);
            List<OffsetDateTime> left = new ArrayList<>();
            recurrence.path("exdates").forEach(day -> left.add(OffsetDateTime.parse(day.asString())));
            for (ZonedDateTime each : starts) {
                boolean excepted = left.stream().anyMatch(day -> day.toInstant().equals(each.toInstant()));
                if (!excepted && !each.isBefore(from) && each.isBefore(to)) {
                    Map<String, Object> occurrence = new LinkedHashMap<>();
                    occurrence.put("eventId", event.get("id").asString());
                    occurrence.put("start", each.toOffsetDateTime().toString());
                    occurrence.put("title", event.get("title").asString());
                    occurrence.put("category", event.get("category").asString());
                    occurrence.put("status", event.get("status").asString());
                    occurrence.put("city", city);
                    occurrence.put("venue", Map.of("id", MUSIKFORUM, "name", "Musikforum Ruhr"));
                    found.add(occurrence);
                }
            }
        }
        found.sort(Comparator.comparing(occurrence -> OffsetDateTime.parse((String) occurrence.get("start"))));
        return found;
    }

    /** The event as the API serves it: with its venue and its next starts. */
    private static ObjectNode view(ObjectNode event) {
        ObjectNode view = event.deepCopy();
        view.putObject("venue").put("id", MUSIKFORUM).put("name", "Musikforum Ruhr");
        if (view.path("recurrence").path("rrule").isString()) {
            ArrayNode next = view.putArray("nextOccurrences");
            ZonedDateTime start = OffsetDateTime.parse(view.get("start").asString()).atZoneSameInstant(BERLIN);
            new Recur<ZonedDateTime>(view.get("recurrence").get("rrule").asString())
                    .getDates(start, start, start.plusYears(1), 10)
                    .forEach(each -> next.add(each.toOffsetDateTime().toString()));
        }
        return view;
    }

    private static Mono<Void> one(HttpServerResponse response, int status, ObjectNode body) {
        return response.status(status).header("ETag", "\"" + body.get("version").asLong() + "\"")
                .header("Content-Type", "application/json").sendString(Mono.just(JSON.writeValueAsString(body)))
                .then();
    }

    private static Mono<Void> problem(HttpServerResponse response, int status, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", "Refused");
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return response.status(status).header("Content-Type", "application/problem+json")
                .sendString(Mono.just(JSON.writeValueAsString(problem))).then();
    }

    private static Mono<Void> send(HttpServerResponse response, int status, String body) {
        return response.status(status).header("Content-Type", "application/json;charset=UTF-8")
                .sendString(Mono.just(body)).then();
    }

    /** The cities a bearer token names, none without one. */
    static List<String> cities(String bearer) {
        try {
            List<String> cities = bearer.isEmpty() ? null : SignedJWT.parse(bearer.replaceFirst("^Bearer ", ""))
                    .getJWTClaimsSet().getStringListClaim("cities");
            return cities == null ? List.of() : cities;
        } catch (java.text.ParseException e) {
            return List.of();
        }
    }
}
