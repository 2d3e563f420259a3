package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The vocabulary of the hostile-input tests (one per service: {@link HostileContentInputIT},
 * {@link HostileEventsInputIT}, {@link HostileSearchInputIT}, {@link HostileGatewayInputIT}) and
 * how an answer is judged: no 5xx, a refusal where one is due, every refusal a problem document,
 * no stack trace. Sent through the gateway with an admin token, so that it is the input and never
 * the caller that is judged.
 * <p>
 * Each test class has a marker word of its own, carried by every hostile payload, so that a write
 * that slipped through would be found by search, and by that class only.
 */
final class HostileRequests {

    private static final int OVER_LIMIT = 256 * 1024 + 1024;
    /** A year no store can keep. */
    static final String FAR_FUTURE = "\"+999999999-12-31T23:59:59+18:00\"";

    private final String marker;

    HostileRequests(String marker) {
        this.marker = marker;
    }

    /** A marker search reads as one word of its own: {@code prefix} and six random letters. */
    static HostileRequests marked(String prefix) {
        return new HostileRequests(prefix + CityOfItsOwn.letters(6));
    }

    String marker() {
        return marker;
    }

    /** Text no store can keep: a NUL. */
    String nul() {
        return "\"" + marker + " \\u0000 Nullbyte\"";
    }

    /** Text no store can keep: an unpaired surrogate. */
    String loneSurrogate() {
        return "\"" + marker + " \\ud800 halbes Zeichen\"";
    }

    // ---- cases

    static Hostile refused(String method, String path, String what) {
        return new Hostile(method, path, what, null, null, false, Map.of(), true);
    }

    static Hostile answered(String method, String path, String what) {
        return new Hostile(method, path, what, null, null, false, Map.of(), false);
    }

    /** The same broken bodies for every endpoint that reads JSON. */
    List<Hostile> malformedBodies(String method, String path, Map<String, Header> headers) {
        byte[] notUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Hostile> cases = new ArrayList<>(List.of(
                refused(method, path, "JSON cut off").body("application/json", "{\"title\": \"" + marker),
                refused(method, path, "a JSON array").body("application/json", "[]"),
                refused(method, path, "a JSON string").body("application/json", "\"" + marker + "\""),
                refused(method, path, "a JSON number").body("application/json", "1e999999"),
                refused(method, path, "JSON null").body("application/json", "null"),
                refused(method, path, "an empty body").body("application/json", ""),
                refused(method, path, "5,000 nested arrays").body("application/json",
                        "[".repeat(5000) + "]".repeat(5000)),
                refused(method, path, "bytes that are not UTF-8").body("application/json", notUtf8),
                refused(method, path, "a JSON body as text/plain").body("text/plain", "{\"title\":\"" + marker + "\"}"),
                refused(method, path, "an XML body").body("application/xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                refused(method, path, "a form").body("application/x-www-form-urlencoded", "title=" + marker),
                refused(method, path, "a body without a content type").body(null, "{\"title\":\"" + marker + "\"}"),
                refused(method, path, "a body over 256 KiB").body("application/json", oversizedJson()),
                refused(method, path, "a chunked body over 256 KiB").chunked("application/json", oversizedJson())));
        cases.replaceAll(hostile -> hostile.headers(headers));
        return cases;
    }

    /** One case per field: the valid body with that field replaced by the hostile JSON. */
    List<Hostile> fields(String method, String path, Map<String, Header> headers, Supplier<Map<String, Object>> valid,
            List<Field> fields) {
        List<Hostile> cases = new ArrayList<>();
        for (Field field : fields) {
            cases.add(refused(method, path, field.path() + " " + field.what())
                    .body("application/json", withField(valid.get(), field))
                    .headers(headers));
        }
        return cases;
    }

    String oversizedJson() {
        return "{\"title\":\"" + marker + " " + "x".repeat(OVER_LIMIT) + "\"}";
    }

    static String json(Object value) {
        return Gateway.JSON.writeValueAsString(value);
    }

    /** A JSON list of {@code times} copies of {@code item}. */
    static String repeat(String item, int times) {
        return "[" + String.join(",", Collections.nCopies(times, item)) + "]";
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The case as a test's name, with the marker and the city the corpus aimed at as placeholders. */
    String name(Hostile hostile, String city) {
        String shown = hostile.path().length() > 110 ? hostile.path().substring(0, 110) + "…" : hostile.path();
        shown = shown.replace(marker, "{marker}");
        if (city != null) {
            shown = shown.replace(city, "{city}");
        }
        return hostile.method() + " " + shown + " with " + hostile.what();
    }

    // ---- judging

    static void judge(Hostile hostile, Gateway gateway, String adminToken) {
        HttpResponse<String> response = send(hostile, gateway, adminToken);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();

        assertThat(status).as("%s answered %d: %s", hostile, status, body).isLessThan(500)
                .as("rate limited: the corpus would judge the caller, not the input").isNotEqualTo(429);
        if (hostile.refused()) {
            assertThat(status).as("%s answered %d: %s", hostile, status, body).isBetween(400, 499);
        }
        assertThat(status).as("%s is sent by an admin, so the token cannot be what is refused: %s", hostile, body)
                .isNotIn(401, 403);
        if (hostile.headers().containsKey("If-Match") && !hostile.what().contains("If-Match")) {
            assertThat(status).as("%s is sent with the current ETag: %s", hostile, body).isNotIn(412, 428);
        }
        assertThat(body).as("no stack trace").doesNotContain(".java:").doesNotContain("\tat ");
        if (status >= 300) {
            assertThat(contentType).as("%s answered %d with %s: %s", hostile, status, contentType, body)
                    .startsWith("application/problem+json");
            JsonNode problem = Gateway.JSON.readTree(body);
            assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
            assertThat(problem.path("title").asString()).as(body).isNotBlank();
            assertThat(problem.path("detail").isString()).as(body).isTrue();
        }
    }

    /** Through the e2e client, which holds each answer (not the request, broken on purpose) to the API documents. */
    private static HttpResponse<String> send(Hostile hostile, Gateway gateway, String adminToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        hostile.headers().forEach((name, value) -> headers.put(name, value.value()));
        return gateway.sendHostile(hostile.method(), hostile.path(), adminToken, hostile.contentType(), hostile.body(),
                hostile.chunked(), headers).raw();
    }

    /** The ids of what search finds for the marker. */
    Set<String> foundByMarker(CityOfItsOwn city) {
        Set<String> ids = new TreeSet<>();
        city.read("/api/search?q=" + marker + "&limit=100").path("hits").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    /** The ids of a page's items. */
    static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path(field).asString()));
        return ids;
    }

    // ---- the tables' vocabulary

    /** A header value made when the case is sent (an ETag as it is then). */
    @FunctionalInterface
    interface Header {
        String value();
    }

    /** One hostile value for one field of an otherwise valid body; {@code path} is dotted, list indexes as numbers. */
    record Field(String path, String json, String what) {
    }

    record Hostile(String method, String path, String what, String contentType, byte[] body, boolean chunked,
            Map<String, Header> headers, boolean refused) {

        Hostile body(String type, String text) {
            return body(type, text.getBytes(StandardCharsets.UTF_8));
        }

        Hostile body(String type, byte[] bytes) {
            return new Hostile(method, path, what, type, bytes, false, headers, refused);
        }

        Hostile chunked(String type, String text) {
            return new Hostile(method, path, what, type, text.getBytes(StandardCharsets.UTF_8), true, headers, refused);
        }

        Hostile header(String name, String value) {
            return headers(Map.of(name, () -> value));
        }

        Hostile headers(Map<String, Header> more) {
            Map<String, Header> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Hostile(method, path, what, contentType, body, chunked, all, refused);
        }

        @Override
        public String toString() {
            return method + " " + (path.length() > 110 ? path.substring(0, 110) + "…" : path) + " with " + what;
        }
    }

    /** Serializes {@code body} with the value at the field's path replaced by the field's raw JSON. */
    @SuppressWarnings("unchecked")
    private String withField(Map<String, Object> body, Field field) {
        String placeholder = "@@" + marker + "@@";
        Object root = copy(body);
        Object parent = root;
        String[] steps = field.path().split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent instanceof List<?> list ? list.get(Integer.parseInt(steps[i]))
                    : ((Map<String, Object>) parent).computeIfAbsent(steps[i], key -> new LinkedHashMap<>());
        }
        String last = steps[steps.length - 1];
        if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), placeholder);
        } else {
            ((Map<String, Object>) parent).put(last, placeholder);
        }
        return json(root).replace("\"" + placeholder + "\"", field.json());
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(HostileRequests::copy).toList());
        }
        return value;
    }
}
