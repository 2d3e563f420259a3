package de.stadtportal.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The platform's API documents as a client finds them, and the judge of every exchange the
 * end-to-end client makes. The documents are the ones {@code /docs} lists (its swagger-config),
 * loaded through the gateway once per platform; each exchange is validated with Atlassian's
 * OpenAPI validator against the document that describes its path, request and response alike. A
 * request a test sends broken on purpose is {@linkplain Exchange#hostile() hostile}: only its
 * answer is judged, and where no operation of any document takes it (a method or path the API
 * does not have) the answer must still be a {@code Problem} as the documents define it.
 */
final class ApiContract {

    /** Where {@code /docs} (springdoc's swagger-ui on the gateway) reads the list of documents. */
    static final String SWAGGER_CONFIG = "/v3/api-docs/gateway/swagger-config";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, ApiContract> BY_GATEWAY = new ConcurrentHashMap<>();

    /** One document as {@code /docs} lists it. */
    record Document(String name, String url, String json, OpenAPI api, OpenApiInteractionValidator validator) {
    }

    /** What the client sent: the path with its query as sent, and the headers it set itself. */
    record Exchange(String method, String pathAndQuery, Map<String, String> headers, String body, boolean hostile) {
    }

    private final List<Document> documents;

    private ApiContract(List<Document> documents) {
        this.documents = documents;
    }

    /** The documents of the platform behind this gateway, loaded on first use. */
    static ApiContract of(String gateway) {
        return BY_GATEWAY.computeIfAbsent(gateway, ApiContract::load);
    }

    List<Document> documents() {
        return documents;
    }

    /** The documents {@code /docs} lists, each parsed as OpenAPI 3; anything else fails here. */
    static List<Document> listed(String gateway) {
        JsonNode config = Gateway.JSON.readTree(fetch(gateway + SWAGGER_CONFIG));
        List<Document> documents = new ArrayList<>();
        for (JsonNode entry : config.path("urls")) {
            String url = entry.path("url").asString();
            String json = fetch(gateway + url);
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
            if (parsed.getOpenAPI() == null || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
                throw new AssertionError("The document " + url + " listed by /docs is not valid OpenAPI 3: "
                        + parsed.getMessages());
            }
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                    .build();
            documents.add(new Document(entry.path("name").asString(), url, json, parsed.getOpenAPI(), validator));
        }
        if (documents.isEmpty()) {
            throw new AssertionError(SWAGGER_CONFIG + " lists no document: " + config);
        }
        return List.copyOf(documents);
    }

    private static ApiContract load(String gateway) {
        return new ApiContract(listed(gateway));
    }

    /** Fails with the validator's report when the exchange does not keep to the document of its path. */
    void judge(Exchange exchange, HttpResponse<String> response) {
        URI uri = URI.create("http://gateway" + exchange.pathAndQuery());
        String path = uri.getRawPath();
        Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        SimpleResponse answer = response(response);
        SimpleRequest request = exchange.hostile() ? null : request(method, path, uri.getRawQuery(), exchange);
        List<String> unmatched = new ArrayList<>();
        for (Document document : documents) {
            ValidationReport report = request == null
                    ? document.validator().validateResponse(path, method, answer)
                    : document.validator().validate(request, answer);
            if (notHis(report)) {
                unmatched.add(document.name() + ": " + format(report));
                continue;
            }
            if (exchange.hostile()) {
                report = ValidationReport.from(report.getMessages().stream()
                        .filter(message -> !message.getKey().startsWith("validation.request")).toList());
            }
            if (report.hasErrors()) {
                throw new AssertionError(exchange.method() + " " + exchange.pathAndQuery() + " answered "
                        + response.statusCode() + " against the " + document.name() + " document:\n" + format(report)
                        + "\nanswer: " + response.headers().map() + " " + abbreviated(response.body()));
            }
            return;
        }
        if (!exchange.hostile()) {
            throw new AssertionError("No API document describes " + exchange.method() + " " + exchange.pathAndQuery()
                    + ":\n" + String.join("\n", unmatched));
        }
        aProblem(exchange, response);
    }

    /** A path no document has, or a method its path does not take: the answer is a Problem all the same. */
    private void aProblem(Exchange exchange, HttpResponse<String> response) {
        String where = exchange.method() + " " + exchange.pathAndQuery() + " answered " + response.statusCode();
        if (response.statusCode() < 400) {
            throw new AssertionError(where + ", though no API document has this operation");
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError(where + " with " + type + " instead of a problem");
        }
        Document first = documents.get(0);
        Schema<?> problem = first.api().getComponents().getSchemas().get("Problem");
        ValidationReport report = new SchemaValidator(first.api(), new MessageResolver())
                .validate(response.body(), problem, "response.body");
        if (report.hasErrors()) {
            throw new AssertionError(where + " with an answer that is not a Problem:\n" + format(report)
                    + "\nanswer: " + abbreviated(response.body()));
        }
    }

    private static boolean notHis(ValidationReport report) {
        return report.getMessages().stream().anyMatch(message -> message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static SimpleRequest request(Request.Method method, String path, String rawQuery, Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        queryParameters(rawQuery).forEach((name, values) -> request.withQueryParam(name, values));
        exchange.headers().forEach((name, value) -> request.withHeader(name, value));
        if (exchange.body() != null) {
            request.withBody(exchange.body());
        }
        return request.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return answer.build();
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            return raw;
        }
    }

    private static String format(ValidationReport report) {
        return SimpleValidationReportFormat.getInstance().apply(report);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 2000 ? String.valueOf(body) : body.substring(0, 2000) + "…";
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
