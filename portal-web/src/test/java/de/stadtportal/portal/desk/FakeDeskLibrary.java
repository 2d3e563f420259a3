package de.stadtportal.portal.desk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The highlights and media part of the stand-in API, as content-service answers them: the carousel
 * of every stored teaser ({@code ?all=true}, editors of the city only) replaced as a whole under
 * {@code If-Match}, a window that ends before it starts refused by field; uploads refused when
 * they are not an image, too large or without alt text; the same file again in a city answered with
 * the existing item (200, its description unchanged); items described anew under {@code If-Match}.
 */
final class FakeDeskLibrary {

    /** The stand-in's size limit, small so that a test needs no large file. */
    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIGHLIGHTS = Pattern.compile("/api/cities/([a-z-]+)/highlights");
    private static final Pattern LIBRARY = Pattern.compile("/api/cities/([a-z-]+)/media");
    private static final Pattern ITEM = Pattern.compile("/api/media/([0-9a-f-]{36})");

    private final Map<String, ArrayNode> carousels = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> media = new LinkedHashMap<>();
    private final AtomicLong uploads = new AtomicLong();
    /** The city's item for each file it has, as content-service finds one by the bytes' hash. */
    private final Map<String, String> bytes = new LinkedHashMap<>();

    boolean handles(String path) {
        return HIGHLIGHTS.matcher(path).matches() || LIBRARY.matcher(path).matches() || ITEM.matcher(path).matches();
    }

    /** The stored teasers of {@code city}, in order. */
    List<JsonNode> highlights(String city) {
        List<JsonNode> items = new ArrayList<>();
        carousel(city).forEach(items::add);
        return items;
    }

    /** The city's library items, by id. */
    synchronized Map<String, ObjectNode> media() {
        return Map.copyOf(media);
    }

    /** Stores a teaser as if written with the API directly. */
    void stored(String city, String title, String kind, String target, String validFrom, String validUntil) {
        ObjectNode item = JSON.createObjectNode().put("title", title);
        item.putObject("link").put("kind", kind).put("target", target);
        item.putObject("image").put("url", "https://img.stadtportal.test/" + title.hashCode() + ".jpg").put("alt", title);
        item.put("validFrom", validFrom).put("validUntil", validUntil);
        carousel(city).add(item);
        versions.merge(city, 1L, Long::sum);
    }

    Mono<Void> answer(String method, String path, Map<String, List<String>> query, List<String> cities, String ifMatch,
            String contentType, String body, HttpServerResponse response) {
        Matcher highlights = HIGHLIGHTS.matcher(path);
        if (highlights.matches()) {
            String city = highlights.group(1);
            if (!cities.contains(city) && !cities.contains("*") && (method.equals("PUT") || query.containsKey("all"))) {
                return FakeDeskPlatform.problem(response, cities.isEmpty() ? 401 : 403,
                        "This token may not change this city", List.of());
            }
            return method.equals("PUT") ? replace(city, ifMatch, body, response) : carousel(response, city, 200);
        }
        Matcher library = LIBRARY.matcher(path);
        if (library.matches() && method.equals("GET")) {
            return FakeDeskPlatform.send(response, 200, "{\"items\":" + JSON.writeValueAsString(items(library.group(1)))
                    + ",\"next\":null}", "application/json");
        }
        if (library.matches()) {
            if (!cities.contains(library.group(1))) {
                return FakeDeskPlatform.problem(response, 403, "This token may not change this city", List.of());
            }
            return upload(library.group(1), contentType, body, response);
        }
        Matcher item = ITEM.matcher(path);
        item.matches();
        return describe(method, item.group(1), cities, ifMatch, body, response);
    }

    private Mono<Void> replace(String city, String ifMatch, String body, HttpServerResponse response) {
        if (!etag(city).equals(ifMatch)) {
            return FakeDeskPlatform.problem(response, ifMatch == null ? 428 : 412, "The highlights changed meanwhile",
                    List.of());
        }
        JsonNode items = JSON.readTree(body).path("items");
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.path("title").asString("").isBlank()) {
                errors.add(Map.of("field", "items[" + i + "].title", "message", "must not be blank"));
            }
            String from = text(item.path("validFrom"));
            String until = text(item.path("validUntil"));
            if (from != null && until != null && !OffsetDateTime.parse(from).isBefore(OffsetDateTime.parse(until))) {
                errors.add(Map.of("field", "items[" + i + "].validUntil", "message", "must lie after validFrom"));
            }
        }
        if (!errors.isEmpty()) {
            return FakeDeskPlatform.problem(response, 400, "The request has invalid fields", errors);
        }
        ArrayNode stored = JSON.createArrayNode();
        items.forEach(item -> stored.add(item.deepCopy()));
        carousels.put(city, stored);
        versions.merge(city, 1L, Long::sum);
        return carousel(response, city, 200);
    }

    private Mono<Void> carousel(HttpServerResponse response, String city, int status) {
        ArrayNode served = JSON.createArrayNode();
        int position = 1;
        for (JsonNode stored : carousel(city)) {
            ObjectNode item = ((ObjectNode) stored.deepCopy()).put("position", position++).put("linksDraft", false);
            item.putArray("warnings");
            String mediaId = text(stored.path("image").path("mediaId"));
            if (mediaId != null && media.containsKey(mediaId)) {
                ((ObjectNode) item.get("image")).put("alt", media.get(mediaId).get("alt").asString());
            }
            served.add(item);
        }
        return response.status(status).header("ETag", etag(city)).header("Content-Type", "application/json")
                .sendString(Mono.just("{\"items\":" + JSON.writeValueAsString(served) + ",\"next\":null}")).then();
    }

    /** Reads the multipart body as the API does: the file part's bytes, its declared type and the text parts. */
    private synchronized Mono<Void> upload(String city, String contentType, String body, HttpServerResponse response) {
        Map<String, String> texts = new LinkedHashMap<>();
        String file = null;
        String boundary = "--" + contentType.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
        for (String part : body.split(Pattern.quote(boundary))) {
            int end = part.indexOf("\r\n\r\n");
            if (end < 0) {
                continue;
            }
            String headers = part.substring(0, end);
            String content = part.substring(end + 4, Math.max(end + 4, part.length() - 2));
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (name.group(1).equals("file")) {
                file = content;
            } else {
                texts.put(name.group(1), content);
            }
        }
        if (file == null || file.isEmpty()) {
            return FakeDeskPlatform.problem(response, 400, "The image is missing", List.of(Map.of("field", "file",
                    "message", "must be sent as a multipart part named file")));
        }
        if (file.length() > MAX_BYTES) {
            return FakeDeskPlatform.problem(response, 422, "The file is too large", List.of(Map.of("field", "file",
                    "message", "must be at most " + MAX_BYTES + " bytes")));
        }
        if (!file.startsWith("PNG", 1) && !file.contains("JFIF")) {
            return FakeDeskPlatform.problem(response, 400, "Not an image", List.of(Map.of("field", "file",
                    "message", "must be a JPEG, PNG or WebP image")));
        }
        if (texts.getOrDefault("alt", "").isBlank()) {
            return FakeDeskPlatform.problem(response, 400, "The description is incomplete", List.of(Map.of(
                    "field", "alt", "message", "must not be blank; it is what people who cannot see the image read")));
        }
        String known = bytes.get(city + " " + file);
        if (known != null) {
            ObjectNode item = media.get(known);
            return response.status(200).header("ETag", "\"m" + item.get("version").asLong() + "\"")
                    .header("Content-Location", "/api/media/" + known).header("Content-Type", "application/json")
                    .sendString(Mono.just(JSON.writeValueAsString(item))).then();
        }
        String id = "0000" + String.format("%04d", uploads.incrementAndGet()) + "-0000-4000-8000-00000000000a";
        bytes.put(city + " " + file, id);
        ObjectNode item = JSON.createObjectNode().put("id", id).put("city", city).put("format", "png")
                .put("width", 640).put("height", 480).put("version", 1);
        texts.forEach(item::put);
        item.putObject("focalPoint").put("x", 0.5).put("y", 0.5);
        ArrayNode renditions = item.putArray("renditions");
        for (int width : new int[] {320, 640}) {
            renditions.addObject().put("width", width).put("height", width * 3 / 4).put("format", "jpg")
                    .put("url", "http://localhost:8080/api/media/" + id + "/" + width + ".jpg");
        }
        media.put(id, item);
        return response.status(201).header("ETag", "\"m" + item.get("version").asLong() + "\"")
                .header("Location", "/api/media/" + id).header("Content-Type", "application/json")
                .sendString(Mono.just(JSON.writeValueAsString(item))).then();
    }

    private synchronized Mono<Void> describe(String method, String id, List<String> cities, String ifMatch, String body,
            HttpServerResponse response) {
        ObjectNode item = media.get(id);
        if (item == null) {
            return FakeDeskPlatform.problem(response, 404, "Not found", List.of());
        }
        String etag = "\"m" + item.get("version").asLong() + "\"";
        if (method.equals("DELETE")) {
            if (!cities.contains(item.get("city").asString())) {
                return FakeDeskPlatform.problem(response, 403, "This token may not change this city", List.of());
            }
            if (ifMatch != null && !etag.equals(ifMatch)) {
                return FakeDeskPlatform.problem(response, 412, "The item changed meanwhile", List.of());
            }
            List<String> users = new ArrayList<>();
            carousels.forEach((city, teasers) -> teasers.forEach(teaser -> {
                if (id.equals(text(teaser.path("image").path("mediaId")))) {
                    users.add("highlight " + city + "/" + teaser.get("title").asString());
                }
            }));
            if (!users.isEmpty()) {
                return FakeDeskPlatform.problem(response, 409, "The image is still used by " + String.join(", ", users)
                        + "; remove it there first", users.stream().map(user -> Map.of("field", "usedBy",
                                "message", user)).toList());
            }
            media.remove(id);
            bytes.values().remove(id);
            return response.status(204).send();
        }
        if (method.equals("PUT")) {
            if (!cities.contains(item.get("city").asString())) {
                return FakeDeskPlatform.problem(response, 403, "This token may not change this city", List.of());
            }
            if (!etag.equals(ifMatch)) {
                return FakeDeskPlatform.problem(response, 412, "The item changed meanwhile", List.of());
            }
            JsonNode written = JSON.readTree(body);
            if (written.path("alt").asString("").isBlank()) {
                return FakeDeskPlatform.problem(response, 400, "Invalid", List.of(Map.of("field", "alt",
                        "message", "must not be blank")));
            }
            for (String field : List.of("alt", "altEn", "caption", "credit", "licence")) {
                item.put(field, written.path(field).asString(null));
            }
            item.put("version", item.get("version").asLong() + 1);
            etag = "\"m" + item.get("version").asLong() + "\"";
        }
        return response.status(200).header("ETag", etag).header("Content-Type", "application/json")
                .sendString(Mono.just(JSON.writeValueAsString(item))).then();
    }

    private synchronized List<ObjectNode> items(String city) {
        List<ObjectNode> items = new ArrayList<>(media.values().stream()
                .filter(item -> item.get("city").asString().equals(city)).toList());
        java.util.Collections.reverse(items);
        return items;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private ArrayNode carousel(String city) {
        return carousels.computeIfAbsent(city, none -> JSON.createArrayNode());
    }

    private String etag(String city) {
        return "\"h" + versions.getOrDefault(city, 0L) + "\"";
    }
}
