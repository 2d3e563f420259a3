package de.stadtportal.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Completes a service's generated document with what the shared web layer does on every operation,
 * so that no controller repeats it and no document forgets it:
 * <ul>
 * <li>every operation can answer 400 (a query parameter no store can keep, a path the firewall
 * refuses), 429 (the gateway's rate limit), 500 and 503 (the service or a store it needs is away);
 * operations on a path with variables 404;</li>
 * <li>writes (any method but GET, HEAD and OPTIONS) and reads that declare the bearer scheme need a
 * token: 401 without a valid one, 403 when it does not allow the request; they answer 413 over the
 * body limit, and those that read a body 415 for another content type;</li>
 * <li>every operation answers 406 when {@code Accept} names nothing it has;</li>
 * <li>every answer of 400 and above is an {@code application/problem+json} {@code Problem};</li>
 * <li>an operation that declares 304 takes {@code If-None-Match}, one that declares 412 takes
 * {@code If-Match} (428 without it, where declared), and their successful answers carry the
 * {@code ETag}; a 201 carries {@code Location} and {@code ETag};</li>
 * <li>properties a schema does not require may be null (the services write nulls).</li>
 * </ul>
 * Statuses of an operation's own rules (409, 412, 422, 428, 304) are declared on the controller.
 */
public class StandardResponses implements GlobalOpenApiCustomizer {

    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);
    private static final Set<PathItem.HttpMethod> BODIES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH);
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("400", "Bad request: a parameter or the body is invalid; `errors` names each field"),
            Map.entry("401", "Unauthorized: a valid bearer token is required"),
            Map.entry("403", "Forbidden: the token does not allow this request"),
            Map.entry("404", "Not found"),
            Map.entry("405", "Method not allowed"),
            Map.entry("406", "Not acceptable: Accept names no representation this operation has"),
            Map.entry("409", "Conflict with the current state"),
            Map.entry("412", "Precondition failed: If-Match does not name the current ETag"),
            Map.entry("413", "Content too large: request bodies are limited to 256 KiB"),
            Map.entry("415", "Unsupported media type: send application/json"),
            Map.entry("422", "Unprocessable content: the request is well-formed but breaks a rule"),
            Map.entry("428", "Precondition required: send If-Match with the ETag you read"),
            Map.entry("429", "Too many requests: the gateway's rate limit; retry after Retry-After seconds"),
            Map.entry("500", "Internal server error; logged, no detail given"),
            Map.entry("503", "Service unavailable: the service or a store it needs is not reachable; retry"));

    private final ApiDocumentationProperties properties;
    private final String publicBaseUrl;

    public StandardResponses(ApiDocumentationProperties properties, String publicBaseUrl) {
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setInfo(new Info().title(properties.title()).description(properties.description())
                .version(properties.version()));
        api.setServers(new ArrayList<>(List.of(new Server().url(publicBaseUrl)
                .description("The platform's public entry point (the gateway)"))));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An RS256 token of the platform's issuer with `roles` (editor, admin)"
                        + " and, for editors, `cities`"));
        if (components.getSchemas() != null) {
            Set<String> optionallyReferenced = new HashSet<>();
            components.getSchemas().values().forEach(schema -> optionalMayBeNull(schema, optionallyReferenced));
            // a $ref cannot carry nullable in OpenAPI 3.0, and a nullable allOf around it still checks the
            // null against the referenced object: the referenced schema itself says it may be null
            optionallyReferenced.forEach(name -> {
                Schema<?> referenced = components.getSchemas().get(name);
                if (referenced != null) {
                    referenced.setNullable(true);
                }
            });
        }
        components.addSchemas("FieldError", new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field, or the parameter name"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM, problem());
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> complete(path, method, operation)));
        }
    }

    private static Schema<?> problem() {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem document, the answer to every error")
                .addProperty("type", new StringSchema().example("https://stadtportal.de/problems/404"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().nullable(true).example("No article zechenkunst"))
                .addProperty("instance", new StringSchema().description("The path that was asked for")
                        .example("/api/cities/bochum/articles/zechenkunst"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("The rejected fields of a 400"));
        problem.setRequired(List.of("type", "title", "status", "instance"));
        return problem;
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = !READS.contains(method);
        if (write && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
            operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER))));
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        add(responses, "400");
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (secured) {
            add(responses, "401");
            add(responses, "403");
        }
        if (write) {
            // a declared length over the limit is refused whatever the method
            add(responses, "413");
        }
        if (BODIES.contains(method) && operation.getRequestBody() != null) {
            add(responses, "415");
        }
        add(responses, "406");
        add(responses, "429");
        add(responses, "500");
        add(responses, "503");
        preconditions(operation, responses);
        responses.forEach((status, response) -> json(response));
        responses.forEach((status, response) -> {
            if (status.compareTo("400") >= 0 && status.length() == 3) {
                asProblem(status, response);
            }
        });
        if (responses.get("201") != null) {
            header(responses.get("201"), "Location", "Where the new resource is");
            header(responses.get("201"), "ETag", "The new resource's ETag, for If-Match and If-None-Match");
        }
        // answers in ascending order of status, as a reader looks for them
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static void preconditions(Operation operation, ApiResponses responses) {
        boolean revalidates = responses.containsKey("304");
        boolean guarded = responses.containsKey("412");
        if (revalidates) {
            addHeaderParameter(operation, "If-None-Match", "An ETag read before: answered 304 while it is current");
            responses.get("304").setContent(null);
        }
        if (guarded) {
            addHeaderParameter(operation, "If-Match", responses.containsKey("428")
                    ? "The ETag read before: without it 428, when it is no longer current 412"
                    : "The ETag read before, optional: when it is no longer current 412");
        }
        if (revalidates || guarded) {
            responses.forEach((status, response) -> {
                if (status.startsWith("2") || status.equals("304")) {
                    header(response, "ETag", "The resource's ETag, for If-Match and If-None-Match");
                }
            });
        }
    }

    private static void addHeaderParameter(Operation operation, String name, String description) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        if (parameters.stream().noneMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()))) {
            parameters.add(new HeaderParameter().name(name).required(false).description(description)
                    .schema(new StringSchema().example("\"article-42-3-de\"")));
        }
        operation.setParameters(parameters);
    }

    /** springdoc says {@code *}{@code /*} where a handler declares nothing; the services answer JSON. */
    private static void json(ApiResponse response) {
        if (response.getContent() != null && response.getContent().containsKey("*/*")) {
            MediaType any = response.getContent().remove("*/*");
            response.getContent().addMediaType("application/json", any);
        }
    }

    private static void add(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(REASONS.get(status)));
        }
    }

    private static void asProblem(String status, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(REASONS.getOrDefault(status, "Error"));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
        switch (status) {
            case "401" -> header(response, "WWW-Authenticate", "Bearer");
            case "429", "503" -> header(response, "Retry-After", "Seconds to wait before trying again");
            default -> {
                // no header of its own
            }
        }
    }

    private static void header(ApiResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
        }
    }

    /** The services write absent values as null: a property that is not required may be null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMayBeNull(Schema<?> schema, Set<String> optionallyReferenced) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        ((Map<String, Schema>) (Map) schema.getProperties()).replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            if (property.get$ref() != null) {
                optionallyReferenced.add(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                return property;
            }
            property.setNullable(true);
            optionalMayBeNull(property, optionallyReferenced);
            return property;
        });
    }
}
