package de.stadtportal.content;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The content API document is one a client can be built from, and names the public server (by default the gateway of
 * {@code ./stadtportal up}, not this service's own port). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ApiDocumentIT {

    private static final String CREATE = "$.paths['/api/cities/{city}/articles'].post";
    private static final String UPDATE = "$.paths['/api/cities/{city}/articles/{slug}'].put";
    private static final String READ = "$.paths['/api/cities/{city}/articles/{slug}'].get";

    @Autowired WebTestClient web;

    @Test
    void the_document_has_its_title_the_public_server_the_bearer_scheme_and_the_problem_schema() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openapi").value(version -> org.assertj.core.api.Assertions.assertThat((String) version)
                        .startsWith("3.0"))
                .jsonPath("$.info.title").isEqualTo("Stadtportal content API")
                .jsonPath("$.info.description").isNotEmpty()
                .jsonPath("$.info.version").isEqualTo("1")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("http://localhost:8080")
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.schemas.Problem.properties.type").exists()
                .jsonPath("$.components.schemas.Problem.properties.title").exists()
                .jsonPath("$.components.schemas.Problem.properties.status").exists()
                .jsonPath("$.components.schemas.Problem.properties.detail").exists()
                .jsonPath("$.components.schemas.Problem.properties.instance").exists()
                .jsonPath("$.components.schemas.Problem.properties.errors.items['$ref']")
                .isEqualTo("#/components/schemas/FieldError");
    }

    @Test
    void a_write_needs_the_bearer_token_shows_an_example_and_answers_its_refusals_as_problems() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(CREATE + ".summary").isNotEmpty()
                .jsonPath(CREATE + ".security[0].bearer").exists()
                .jsonPath(CREATE + ".requestBody.content['application/json'].example.title").isNotEmpty()
                .jsonPath(CREATE + ".requestBody.content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ArticleRequest")
                .jsonPath(CREATE + ".responses['201'].headers.Location").exists()
                .jsonPath(CREATE + ".responses['201'].headers.ETag").exists()
                .jsonPath(CREATE + ".responses['409'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath(UPDATE + ".responses['401'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath(UPDATE + ".responses['401'].headers.WWW-Authenticate").exists()
                .jsonPath(UPDATE + ".responses['400']").exists()
                .jsonPath(UPDATE + ".responses['403']").exists()
                .jsonPath(UPDATE + ".responses['404']").exists()
                .jsonPath(UPDATE + ".responses['412']").exists()
                .jsonPath(UPDATE + ".responses['413']").exists()
                .jsonPath(UPDATE + ".responses['415']").exists()
                .jsonPath(UPDATE + ".responses['428']").exists()
                .jsonPath(UPDATE + ".responses['429'].headers.Retry-After").exists()
                .jsonPath(UPDATE + ".responses['503']").exists()
                .jsonPath(UPDATE + ".parameters[?(@.name == 'If-Match')].in").isEqualTo("header");
    }

    @Test
    void an_upload_of_bytes_the_city_already_has_is_documented_as_the_existing_item() {
        String upload = "$.paths['/api/cities/{city}/media'].post";
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(upload + ".responses['201']").exists()
                .jsonPath(upload + ".responses['200'].description").value(description -> org.assertj.core.api.Assertions
                        .assertThat((String) description).contains("existing item").contains("not applied"))
                .jsonPath(upload + ".responses['200'].headers.Content-Location").exists()
                .jsonPath(upload + ".description").value(description -> org.assertj.core.api.Assertions
                        .assertThat((String) description).contains("already in the library"));
    }

    @Test
    void a_public_read_needs_no_token_and_revalidates_with_its_etag() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(READ + ".summary").isNotEmpty()
                .jsonPath(READ + ".security").doesNotExist()
                .jsonPath(READ + ".responses['401']").doesNotExist()
                .jsonPath(READ + ".responses['304'].headers.ETag").exists()
                .jsonPath(READ + ".responses['200'].headers.ETag").exists()
                .jsonPath(READ + ".parameters[?(@.name == 'If-None-Match')].in").isEqualTo("header")
                .jsonPath("$.paths['/api/cities/{city}/articles/{slug}/revisions'].get.security[0].bearer").exists();
    }
}
