package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API documentation as a mobile or web developer meets it: {@code /docs} on the gateway, and
 * every document it lists loaded through the gateway, valid OpenAPI 3, naming the gateway as its
 * server, complete enough to build a client from.
 */
class ApiDocumentationIT {

    private static LocalPlatform platform;
    private static List<ApiContract.Document> documents;

    @BeforeAll
    static void theDocumentsDocsLists() {
        platform = RunningPlatform.get();
        documents = ApiContract.listed(platform.gatewayUrl());
    }

    @Test
    void docs_is_served_by_the_gateway_reads_its_swagger_config_and_lists_a_document_of_every_service()
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/docs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> initializer = browser.send(HttpRequest.newBuilder(page.uri().resolve(
                "swagger-initializer.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(initializer.body()).as("the swagger-config the page loads").contains(ApiContract.SWAGGER_CONFIG);

        assertThat(documents).extracting(ApiContract.Document::name)
                .containsExactlyInAnyOrder("gateway", "content", "events", "search");
    }

    @Test
    void every_listed_document_names_the_gateway_as_its_server_and_has_a_title_of_its_own() {
        for (ApiContract.Document document : documents) {
            assertThat(document.api().getOpenapi()).as(document.url()).startsWith("3.");
            assertThat(document.api().getServers()).as(document.url()).hasSize(1);
            assertThat(document.api().getServers().get(0).getUrl()).as(document.url()).isEqualTo(platform.gatewayUrl());
            assertThat(document.api().getInfo().getTitle()).as(document.url())
                    .startsWith("Stadtportal").isNotEqualTo("OpenAPI definition");
            assertThat(document.api().getInfo().getDescription()).as(document.url()).isNotBlank();
        }
    }

    @Test
    void every_operation_has_a_summary_and_answers_its_errors_as_problems() {
        List<String> incomplete = new ArrayList<>();
        for (ApiContract.Document document : documents) {
            assertThat(document.api().getPaths()).as(document.url()).isNotEmpty();
            document.api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String name = document.name() + ": " + method + " " + path;
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    incomplete.add(name + " has no summary");
                }
                operation.getResponses().forEach((status, response) -> {
                    if (status.compareTo("400") >= 0 && (response.getContent() == null
                            || !response.getContent().containsKey("application/problem+json"))) {
                        incomplete.add(name + " answers " + status + " without a problem");
                    }
                });
                for (String status : List.of("400", "429", "503")) {
                    if (!operation.getResponses().containsKey(status)) {
                        incomplete.add(name + " does not say it may answer " + status);
                    }
                }
                if (writes(method) && !secured(operation)) {
                    incomplete.add(name + " writes without the bearer scheme");
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent().values().stream()
                        .allMatch(type -> type.getExamples() == null && type.getExample() == null)) {
                    incomplete.add(name + " shows no example body");
                }
            }));
        }
        assertThat(incomplete).isEmpty();
    }

    private static boolean writes(PathItem.HttpMethod method) {
        return method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
    }

    private static boolean secured(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.containsKey("bearer"));
    }
}
