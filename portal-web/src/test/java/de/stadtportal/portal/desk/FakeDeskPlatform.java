package de.stadtportal.portal.desk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One real HTTP server playing both parts the desk talks to: the identity provider (authorize,
 * token with the PKCE verifier checked, JWK set, logout) and the articles API (drafts and writes for
 * the cities of the caller's token only, ETags and 412, field errors as problem documents). Small,
 * so the desk's pages can be tested quickly; the real platform is e2e-tests' business.
 */
final class FakeDeskPlatform {

    static final String SECRET = "desk-test-secret";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern ARTICLES = Pattern.compile("/api/cities/([a-z-]+)/articles(?:/([a-z0-9-]+))?(/publication|/revisions)?");

    private final RSAKey key;
    private final DisposableServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> articles = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** The carousels and media libraries of the stand-in API. */
    final FakeDeskLibrary library = new FakeDeskLibrary();
    private volatile String nextEditor = "redaktion-bochum";
    private volatile List<String> nextCities = List.of("bochum");
    private final FakeEventsApi events = new FakeEventsApi();

    /** One request the API part received: method, path and query, bearer token, body. */
    record Seen(String method, String path, String bearer, String ifMatch, String body) {
    }

    private record Grant(String subject, List<String> cities, String nonce, String challenge, String redirect) {
    }

    FakeDeskPlatform() {
        try {
            key = new RSAKeyGenerator(2048).keyID("desk-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create().host("127.0.0.1").port(0).handle(this::answer).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Who signs in at the next authorization request, and the cities their tokens name. */
    void nextSignIn(String subject, List<String> cities) {
        nextEditor = subject;
        nextCities = cities;
    }

    /** The events and venues part of the API. */
    FakeEventsApi events() {
        return events;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    ObjectNode article(String city, String locale, String slug) {
        return articles.get(city + "/" + locale + "/" + slug);
    }

    /** Someone else saves the article: a new title and body, a new version. */
    void changedMeanwhile(String city, String slug, String title, String body) {
        ObjectNode article = article(city, "de", slug);
        article.put("title", title).put("body", body).put("version", article.get("version").asLong() + 1);
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        URI uri = URI.create(request.uri());
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            String path = uri.getPath();
            if (path.equals("/oauth2/authorize")) {
                return authorize(query, response);
            }
            if (path.equals("/oauth2/token")) {
                return token(request, body, response);
            }
            if (path.equals("/oauth2/jwks")) {
                return send(response, 200, new JWKSet(key.toPublicJWK()).toString(), "application/json");
            }
            String bearer = request.requestHeaders().get("Authorization", "");
            seen.add(new Seen(request.method().name(), uri.toString(), bearer.replaceFirst("^Bearer ", ""),
                    request.requestHeaders().get("If-Match"), body));
            if (path.equals("/api/cities")) {
                return send(response, 200, "{\"items\":[{\"slug\":\"bochum\",\"name\":\"Bochum\"},{\"slug\":\"dortmund\","
                        + "\"name\":\"Dortmund\"},{\"slug\":\"herne\",\"name\":\"Herne\"}],\"next\":null}", "application/json");
            }
            if (events.handles(path)) {
                return events.answer(request.method().name(), path, query, FakeEventsApi.cities(bearer),
                        request.requestHeaders().get("If-Match"), body, response);
            }
            if (path.endsWith("/articles/preview")) {
                String markdown = JSON.readTree(body).path("body").asString("");
                String html = "<p>" + markdown.replace("<", "&lt;").replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>")
                        + "</p>";
                return send(response, 200, JSON.writeValueAsString(Map.of("bodyHtml", html)), "application/json");
            }
            if (library.handles(path)) {
                return library.answer(request.method().name(), path, query, cities(bearer),
                        request.requestHeaders().get("If-Match"), request.requestHeaders().get("Content-Type"), body,
                        response);
            }
            Matcher articlePath = ARTICLES.matcher(path);
            if (articlePath.matches()) {
                return articles(request.method().name(), articlePath, query, bearer, request, body, response);
            }
            return problem(response, 404, "Not found", List.of());
        });
    }

    private Mono<Void> authorize(Map<String, List<String>> query, HttpServerResponse response) {
        String code = UUID.randomUUID().toString();
        String redirect = decoded(query.get("redirect_uri").get(0));
        codes.put(code, new Grant(nextEditor, nextCities, decoded(query.get("nonce").get(0)),
                query.containsKey("code_challenge") ? decoded(query.get("code_challenge").get(0)) : null, redirect));
        String back = redirect + "?code=" + code + "&state=" + query.get("state").get(0);
        return response.status(302).header("Location", back).send().then();
    }

    private Mono<Void> token(HttpServerRequest request, String body, HttpServerResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(decoded(parts[0]), parts.length > 1 ? decoded(parts[1]) : "");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(("portal-web:" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(request.requestHeaders().get("Authorization"))) {
            return send(response, 401, "{\"error\":\"invalid_client\"}", "application/json");
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || grant.challenge() == null || !grant.challenge().equals(s256(form.get("code_verifier")))
                || !grant.redirect().equals(form.get("redirect_uri"))) {
            return send(response, 400, "{\"error\":\"invalid_grant\"}", "application/json");
        }
        Instant now = Instant.now();
        String idToken = sign(new JWTClaimsSet.Builder().issuer(url()).subject(grant.subject()).audience("portal-web")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce()).claim("name", grant.subject()).build());
        String accessToken = sign(new JWTClaimsSet.Builder().issuer(url()).subject(grant.subject())
                .audience("stadtportal").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("editor")).claim("cities", grant.cities()).build());
        return send(response, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"openid profile\",\"id_token\":\"" + idToken + "\"}", "application/json");
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private Mono<Void> articles(String method, Matcher path, Map<String, List<String>> query, String bearer,
            HttpServerRequest request, String body, HttpServerResponse response) {
        String city = path.group(1);
        String slug = path.group(2);
        String action = path.group(3);
        String locale = query.containsKey("locale") ? query.get("locale").get(0) : "de";
        List<String> cities = cities(bearer);
        boolean editor = cities.contains(city) || cities.contains("*");
        boolean drafts = query.containsKey("status") && query.get("status").get(0).equals("draft");
        if ((!method.equals("GET") || drafts || "/revisions".equals(action)) && !editor) {
            return problem(response, bearer.isEmpty() ? 401 : 403, "This token may not change this city", List.of());
        }
        if (slug == null && method.equals("GET")) {
            ArrayNodeBuilder items = new ArrayNodeBuilder();
            articles.values().stream().filter(article -> article.get("city").asString().equals(city))
                    .filter(article -> article.get("status").asString().equals(drafts ? "draft" : "published"))
                    .forEach(items::add);
            return send(response, 200, "{\"items\":" + items + ",\"next\":null}", "application/json");
        }
        if (slug == null) {
            JsonNode written = JSON.readTree(body);
            if (written.path("title").asString("").isBlank()) {
                return problem(response, 400, "Invalid request content", List.of(Map.of("field", "title",
                        "message", "must not be blank")));
            }
            String newSlug = written.path("slug").asString(written.path("title").asString().toLowerCase()
                    .replaceAll("[^a-z0-9]+", "-"));
            ObjectNode article = ((ObjectNode) written).put("city", city).put("slug", newSlug)
                    .put("status", "draft").put("version", 1);
            article.put("locale", written.path("locale").asString("de"));
            articles.put(city + "/" + article.get("locale").asString() + "/" + newSlug, article);
            return article(response, 201, article);
        }
        ObjectNode article = articles.get(city + "/" + locale + "/" + slug);
        if (article == null) {
            article = articles.get(city + "/de/" + slug);
            if (article == null || !method.equals("GET")) {
                return problem(response, 404, "Not found", List.of());
            }
        }
        if ("/revisions".equals(action)) {
            return send(response, 200, "{\"items\":[{\"version\":" + article.get("version").asLong()
                    + ",\"change\":\"revised\",\"savedBy\":\"redaktion-bochum\",\"savedAt\":\"2026-12-02T06:00:00+01:00\","
                    + "\"status\":\"draft\",\"title\":" + JSON.writeValueAsString(article.get("title").asString())
                    + "}],\"next\":null}", "application/json");
        }
        if (method.equals("GET")) {
            return article(response, 200, article);
        }
        String etag = "\"" + article.get("version").asLong() + "\"";
        if (!etag.equals(request.requestHeaders().get("If-Match"))) {
            return problem(response, 412, "The article was changed meanwhile", List.of());
        }
        if ("/publication".equals(action) && method.equals("POST")) {
            JsonNode at = JSON.readTree(body.isEmpty() ? "{}" : body).path("publishAt");
            if (at.isMissingNode() || at.isNull()) {
                article.put("status", "published").put("publishedAt", Instant.now().toString());
            } else {
                article.put("publishAt", at.asString());
            }
        } else if ("/publication".equals(action)) {
            article.put("status", "draft").remove("publishAt");
        } else {
            JsonNode written = JSON.readTree(body);
            if (written.path("title").asString("").isBlank()) {
                return problem(response, 400, "Invalid request content", List.of(Map.of("field", "title",
                        "message", "must not be blank")));
            }
            ObjectNode changed = article;
            written.properties().forEach(field -> changed.set(field.getKey(), field.getValue()));
            changed.put("locale", locale).put("slug", slug);
        }
        article.put("version", article.get("version").asLong() + 1);
        return article(response, 200, article);
    }

    private static List<String> cities(String bearer) {
        if (bearer.isEmpty()) {
            return List.of();
        }
        try {
            List<String> cities = SignedJWT.parse(bearer.replaceFirst("^Bearer ", "")).getJWTClaimsSet()
                    .getStringListClaim("cities");
            return cities == null ? List.of() : cities;
        } catch (java.text.ParseException e) {
            return List.of();
        }
    }

    private static Mono<Void> article(HttpServerResponse response, int status, ObjectNode article) {
        return response.status(status).header("ETag", "\"" + article.get("version").asLong() + "\"")
                .header("Content-Type", "application/json").sendString(Mono.just(JSON.writeValueAsString(article)))
                .then();
    }

    static Mono<Void> problem(HttpServerResponse response, int status, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", "Refused");
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return send(response, status, JSON.writeValueAsString(problem), "application/problem+json");
    }

    static Mono<Void> send(HttpServerResponse response, int status, String body, String type) {
        return response.status(status).header("Content-Type", type + ";charset=UTF-8").sendString(Mono.just(body))
                .then();
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A JSON array of articles, written as text. */
    private static final class ArrayNodeBuilder {

        private final StringBuilder json = new StringBuilder("[");

        void add(ObjectNode article) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(JSON.writeValueAsString(article));
        }

        @Override
        public String toString() {
            return json + "]";
        }
    }
}
