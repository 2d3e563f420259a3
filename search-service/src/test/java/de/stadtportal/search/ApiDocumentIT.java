package de.stadtportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The search API document is one a client can be built from, and names the public server (by default the gateway of
 * {@code ./stadtportal up}, not this service's own port). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class ApiDocumentIT {

    private static final String REINDEX = "$.paths['/api/search/reindex']";

    @Autowired WebTestClient web;

    @Test
    void the_document_has_its_title_the_public_server_the_bearer_scheme_and_the_problem_schema() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.0"))
                .jsonPath("$.info.title").isEqualTo("Stadtportal search API")
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("http://localhost:8080")
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.schemas.Problem.properties.status").exists()
                .jsonPath("$.paths['/api/search'].get.summary").isNotEmpty()
                .jsonPath("$.paths['/api/search'].get.security").doesNotExist()
                .jsonPath("$.paths['/api/search'].get.responses['400'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/search/suggest'].get.summary").isNotEmpty();
    }

    @Test
    void the_reindex_needs_an_admin_token_and_answers_its_refusals_as_problems() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(REINDEX + ".post.summary").isNotEmpty()
                .jsonPath(REINDEX + ".post.security[0].bearer").exists()
                .jsonPath(REINDEX + ".post.responses['202']").exists()
                .jsonPath(REINDEX + ".post.responses['401'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath(REINDEX + ".post.responses['403'].content['application/problem+json']").exists()
                .jsonPath(REINDEX + ".post.responses['409'].content['application/problem+json']").exists()
                .jsonPath(REINDEX + ".post.responses['413'].content['application/problem+json']").exists()
                .jsonPath(REINDEX + ".get.security[0].bearer").exists()
                .jsonPath(REINDEX + ".get.responses['403']").exists();
    }
}
