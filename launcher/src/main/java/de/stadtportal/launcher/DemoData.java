package de.stadtportal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data, loaded once and only through the public API of the gateway, so it flows through
 * the outboxes and Kafka into search like any editor's work. Texts are written for the demo from
 * the facts of the Bochum portrait; events are dated relative to today so the calendar is never
 * empty. A marker file under {@code .stadtportal/} keeps a second {@code up} from loading twice.
 */
final class DemoData {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long the loader keeps trying a change the gateway could not confirm. */
    private static final Duration UNSURE_FOR = Duration.ofMinutes(3);
    /** Lookups that must find nothing before a change is sent again: longer than a write in flight takes. */
    private static final int ABSENT_LOOKS = 5;

    private final String gateway;
    private final Path marker;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The pause between two tries of a change the gateway could not confirm, and between lookups. */
    private final Duration lookEvery;

    /** @param adminToken an admin's token of the platform's provider */
    DemoData(String gateway, Path home, String adminToken) {
        this(gateway, home, adminToken, Duration.ofSeconds(2));
    }

    DemoData(String gateway, Path home, String adminToken, Duration lookEvery) {
        this.gateway = gateway;
        this.marker = home.resolve("demo-data-loaded");
        this.adminToken = adminToken;
        this.lookEvery = lookEvery;
    }

    void loadOnce(PrintStream out) {
        if (Files.exists(marker)) {
            out.println("stadtportal: demo data was loaded before; leaving the data as it is");
            return;
        }
        out.println("stadtportal: loading demo data through the gateway …");
        DemoImages images = new DemoImages(gateway, adminToken, http, out);
        JsonNode cities = resource("cities.json");
        JsonNode articleList = resource("articles.json");
        images.useLibrary(cities);
        images.useLibrary(articleList);
        for (JsonNode city : cities) {
            ObjectNode body = ((ObjectNode) city.deepCopy());
            String slug = body.remove("slug").asString();
            // a city may exist already (the content service seeds the Ruhr cities): then update it with If-Match
            Map<String, String> precondition = etag("/api/cities/" + slug).map(tag -> Map.of("If-Match", tag))
                    .orElse(Map.of());
            step("PUT", "/api/cities/" + slug, body, precondition);
        }
        Map<String, String> venues = new HashMap<>();
        for (JsonNode venue : resource("venues.json")) {
            ObjectNode body = (ObjectNode) venue.deepCopy();
            String key = body.remove("key").asString();
            String city = body.get("city").asString();
            String name = body.get("name").asString();
            // the events service learns cities from Kafka; give it a moment after the cities were written
            JsonNode created = retrying(() -> create("/api/venues", body,
                    () -> found("/api/venues?city=" + city + "&limit=100", item -> name.equals(text(item, "name")))));
            venues.put(key, created.get("id").asString());
        }
        int articles = 0;
        for (JsonNode article : articleList) {
            String city = article.get("city").asString();
            String title = article.get("de").get("title").asString();
            JsonNode created = create("/api/cities/" + city + "/articles", article.get("de"),
                    () -> found(drafts(city, "de"), item -> title.equals(text(item, "title"))));
            String slug = created.get("slug").asString();
            step("POST", "/api/cities/" + city + "/articles/" + slug + "/publication", JSON.createObjectNode(),
                    Map.of());
            articles++;
            if (article.has("en")) {
                ObjectNode english = (ObjectNode) article.get("en").deepCopy();
                english.put("slug", slug);
                create("/api/cities/" + city + "/articles", english,
                        () -> found(drafts(city, "en"), item -> slug.equals(text(item, "slug"))));
                step("POST", "/api/cities/" + city + "/articles/" + slug + "/publication?locale=en",
                        JSON.createObjectNode(), Map.of());
                articles++;
            }
        }
        ObjectNode carousel = highlights(venues);
        images.useLibrary(carousel);
        step("PUT", "/api/cities/bochum/highlights", carousel,
                etag("/api/cities/bochum/highlights").map(tag -> Map.of("If-Match", tag)).orElse(Map.of()));
        Map<String, ZonedDateTime> scheduled = events(venues);
        List<String> eventIds = new ArrayList<>(scheduled.keySet());
        // one evening falls through, another moves a day later: the calendar shows both honestly
        step("POST", "/api/events/" + eventIds.get(1) + "/cancellation", JSON.createObjectNode(), Map.of());
        String moved = eventIds.get(eventIds.size() / 2);
        step("POST", "/api/events/" + moved + "/rescheduling", JSON.createObjectNode()
                .put("start", scheduled.get(moved).plusDays(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                Map.of());
        try {
            Files.writeString(marker, "loaded " + java.time.Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("stadtportal: demo data loaded: %d cities, %d venues, %d articles, %d events%n",
                cities.size(), venues.size(), articles, eventIds.size());
    }

    /** The three teasers of the Bochum portrait, in the seed's order. */
    private ObjectNode highlights(Map<String, String> venues) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("items")
                .add(highlight("Im Anneliese Brost Musikforum Ruhr spielt Bochums Kulturherz den Takt",
                        link("venue", venues.get("musikforum")),
                        image("https://images.stadtportal.example/bochum/musikforum.jpg",
                                "Das Musikforum mit der alten Marienkirche als Foyer")))
                .add(highlight("MARK 51°7: Auf dem früheren Opel-Gelände wächst ein Quartier für Wissensarbeit",
                        link("url", "https://www.mark51grad7.de"),
                        image("https://images.stadtportal.example/bochum/mark51-7.jpg",
                                "Neubauten auf dem Gelände MARK 51°7")))
                .add(highlight("BMZ Bochum: Bei Solidchem wird aus Forschung ein Unternehmen",
                        link("url", "https://www.bmz-bochum.de"),
                        image("https://images.stadtportal.example/bochum/bmz.jpg", "Labor im Biomedizinzentrum Bochum")));
        return body;
    }

    private static ObjectNode highlight(String title, ObjectNode link, ObjectNode image) {
        ObjectNode highlight = JSON.createObjectNode().put("title", title);
        highlight.set("link", link);
        highlight.set("image", image);
        return highlight;
    }

    private static ObjectNode link(String kind, String target) {
        return JSON.createObjectNode().put("kind", kind).put("target", target);
    }

    private static ObjectNode image(String url, String alt) {
        return JSON.createObjectNode().put("url", url).put("alt", alt);
    }

    /** Creates the programme; answers each event's id with its first start. */
    private Map<String, ZonedDateTime> events(Map<String, String> venues) {
        JsonNode venueList = resource("venues.json");
        Map<String, String> cityOfVenue = new LinkedHashMap<>();
        venueList.forEach(venue -> cityOfVenue.put(venue.get("key").asString(), venue.get("city").asString()));
        LocalDate today = LocalDate.now(BERLIN);
        Map<String, ZonedDateTime> ids = new LinkedHashMap<>();
        for (JsonNode series : resource("programme.json")) {
            String venue = series.get("venue").asString();
            LocalTime time = LocalTime.parse(series.get("time").asString());
            int minutes = series.get("minutes").asInt();
            LocalDate first = today.plusDays(series.get("firstDay").asInt() + 1);
            if (series.has("weekly")) {
                ZonedDateTime start = ZonedDateTime.of(first, time, BERLIN);
                ObjectNode event = event(series, cityOfVenue.get(venue), venues.get(venue), start, minutes);
                event.putObject("recurrence").put("rrule", "FREQ=WEEKLY;COUNT=" + series.get("weekly").asInt())
                        .putArray("exdates");
                ids.put(createEvent(event, start), start);
                continue;
            }
            for (int i = 0; i < series.get("count").asInt(); i++) {
                ZonedDateTime start = ZonedDateTime.of(first.plusDays((long) i * series.get("everyDays").asInt()),
                        time, BERLIN);
                ObjectNode event = event(series, cityOfVenue.get(venue), venues.get(venue), start, minutes);
                ids.put(createEvent(event, start), start);
            }
        }
        return ids;
    }

    private static ObjectNode event(JsonNode series, String city, String venueId, ZonedDateTime start, int minutes) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ObjectNode event = JSON.createObjectNode()
                .put("city", city)
                .put("venueId", venueId)
                .put("title", series.get("title").asString())
                .put("description", series.get("description").asString())
                .put("category", series.get("category").asString())
                .put("start", start.format(iso))
                .put("end", start.plusMinutes(minutes).format(iso))
                .put("allDay", false)
                .put("language", "de");
        JsonNode price = series.get("price");
        ObjectNode priceNode = event.putObject("price").put("free", price.get("free").asBoolean()).put("currency", "EUR");
        if (!price.get("free").asBoolean()) {
            priceNode.put("min", price.get("min").asDouble()).put("max", price.get("max").asDouble());
        }
        event.set("tags", series.get("tags"));
        event.putArray("accessibility").add("wheelchair");
        return event;
    }

    /** The ETag of a resource, or empty when it does not exist yet; asked again while the gateway is unsure. */
    private Optional<String> etag(String path) {
        long deadline = System.nanoTime() + UNSURE_FOR.toNanos();
        while (true) {
            HttpResponse<String> response = get(path);
            if (response != null && response.statusCode() < 500) {
                return response.statusCode() == 200 ? response.headers().firstValue("ETag") : Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException("demo data: GET " + path + " was not answered within " + UNSURE_FOR.toSeconds() + " s");
            }
            pause(lookEvery);
        }
    }

    /**
     * Creates what {@code body} describes. The gateway may answer 502, 503 or 504, or not at all,
     * while the write goes on behind it (writes run to their end once begun), so before sending it
     * again the loader looks for it by what names it ({@code stored}), and takes what it finds: the
     * demo data holds each thing once however slow the machine.
     */
    JsonNode create(String path, JsonNode body, Supplier<Look> stored) {
        long deadline = System.nanoTime() + UNSURE_FOR.toNanos();
        while (true) {
            try {
                return send("POST", path, body, Map.of(), 201, 200);
            } catch (Unsure unsure) {
                JsonNode landed = settle(stored, deadline, unsure);
                if (landed != null) {
                    return landed;
                }
            }
        }
    }

    /**
     * After an unsure create: what it stored, or null once several lookups, over longer than a write
     * in flight takes to land, answered that it is not there.
     */
    private JsonNode settle(Supplier<Look> stored, long deadline, Unsure unsure) {
        int absent = 0;
        while (absent < ABSENT_LOOKS) {
            if (System.nanoTime() > deadline) {
                throw new LaunchException(unsure.getMessage() + "; still not known whether it was done after "
                        + UNSURE_FOR.toSeconds() + " s");
            }
            pause(lookEvery);
            Look look = stored.get();
            if (look.item() != null) {
                return look.item();
            }
            absent += look.answered() ? 1 : 0;
        }
        return null;
    }

    /**
     * A change that is not a create (a PUT with its precondition, a publication, a lifecycle step),
     * sent again when the gateway is unsure. Nobody else writes while the demo data loads, so on a
     * second sending a 409 (the state has moved on), 412 (the ETag has changed) or 428 (the city now
     * exists) says that the first one was done.
     */
    void step(String method, String path, JsonNode body, Map<String, String> headers) {
        long deadline = System.nanoTime() + UNSURE_FOR.toNanos();
        int[] done = {200, 201, 202, 204};
        while (true) {
            try {
                send(method, path, body, headers, done);
                return;
            } catch (Unsure unsure) {
                if (System.nanoTime() > deadline) {
                    throw new LaunchException(unsure.getMessage() + "; still not done after " + UNSURE_FOR.toSeconds() + " s");
                }
                pause(lookEvery);
                done = new int[] {200, 201, 202, 204, 409, 412, 428};
            }
        }
    }

    /** Creates one event (a single evening or a series) and answers its id. */
    private String createEvent(ObjectNode event, ZonedDateTime start) {
        String title = event.get("title").asString();
        String window = "&from=" + encoded(start.minusMinutes(1)) + "&to=" + encoded(start.plusMinutes(1));
        Supplier<Look> stored = () -> {
            Look look = found("/api/events?city=" + text(event, "city") + "&venue=" + text(event, "venueId") + window
                    + "&limit=100", item -> title.equals(text(item, "title")));
            return look.item() == null ? look
                    : new Look(true, JSON.createObjectNode().put("id", text(look.item(), "eventId")));
        };
        return create("/api/events", event, stored).get("id").asString();
    }

    /** The city's drafts in {@code locale}, as an editor's list shows them. */
    private static String drafts(String city, String locale) {
        return "/api/cities/" + city + "/articles?status=draft&locale=" + locale + "&limit=100";
    }

    /** The first item of the list at {@code path} that {@code wanted} picks; unknown when it did not answer. */
    Look found(String path, Predicate<JsonNode> wanted) {
        HttpResponse<String> response = get(path);
        if (response == null || response.statusCode() != 200) {
            return new Look(false, null);
        }
        for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            if (wanted.test(item)) {
                return new Look(true, item);
            }
        }
        return new Look(true, null);
    }

    /** A GET as the admin; null when the gateway did not answer in time. */
    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while loading demo data");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private static String encoded(ZonedDateTime time) {
        return URLEncoder.encode(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), StandardCharsets.UTF_8);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while loading demo data");
        }
    }

    private JsonNode send(String method, String path, JsonNode body, Map<String, String> headers, int... accepted) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int attempt = 0; response.statusCode() == 429 && attempt < 10; attempt++) {
                // a polite client: wait as long as the gateway's rate limit asks, then try again
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.min(seconds, 60) * 1000);
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new Unsure(method + " " + path + " was not answered: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while loading demo data");
        }
        if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
            throw new Unsure(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body() == null || response.body().isBlank()
                        ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
        }
        throw new DemoDataRefused(method + " " + path + " answered " + response.statusCode() + ": " + response.body(),
                response.statusCode());
    }

    private static JsonNode retrying(Supplier<JsonNode> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (DemoDataRefused e) {
                if (e.status != 422 || System.nanoTime() > deadline) {
                    throw new LaunchException(e.getMessage());
                }
                pause(Duration.ofMillis(250));
            }
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a lookup after an unsure create saw: the item, or none in an answer, or no answer at all. */
    record Look(boolean answered, JsonNode item) {
    }

    /** The gateway could not say whether a change was done: 502, 503 or 504, or no answer in time. */
    private static final class Unsure extends LaunchException {

        Unsure(String message) {
            super("demo data: " + message);
        }
    }

    /** A refusal from the API while loading; 422 means "not yet" for venues before their city arrived. */
    private static final class DemoDataRefused extends LaunchException {

        private final int status;

        DemoDataRefused(String message, int status) {
            super("demo data: " + message);
            this.status = status;
        }
    }
}
