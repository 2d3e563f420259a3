package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The events API document is one a client can be built from, and names the public server (by default the gateway of
 * {@code ./stadtportal up}, not this service's own port). */
class ApiDocumentIT extends EventsServiceIntegrationTest {

    private static final String CREATE = "$.paths['/api/events'].post";
    private static final String ONE = "$.paths['/api/events/{id}'].get";

    @Test
    void the_document_has_its_title_the_public_server_the_bearer_scheme_and_the_problem_schema() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.0"))
                .jsonPath("$.info.title").isEqualTo("Stadtportal events API")
                .jsonPath("$.info.description").isNotEmpty()
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("http://localhost:8080")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.schemas.Problem.properties.errors").exists()
                .jsonPath("$.components.schemas.FieldError.properties.field").exists();
    }

    @Test
    void creating_an_event_needs_the_bearer_token_shows_an_example_and_answers_its_refusals_as_problems() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(CREATE + ".summary").isNotEmpty()
                .jsonPath(CREATE + ".security[0].bearer").exists()
                .jsonPath(CREATE + ".requestBody.content['application/json'].example.title").isNotEmpty()
                .jsonPath(CREATE + ".responses['201']").exists()
                .jsonPath(CREATE + ".responses['400'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath(CREATE + ".responses['401'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['403'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['413'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['415'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['422'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['429'].content['application/problem+json']").exists()
                .jsonPath(CREATE + ".responses['503'].content['application/problem+json']").exists();
    }

    @Test
    void one_event_is_json_json_ld_or_icalendar_and_the_feed_is_icalendar() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(ONE + ".responses['200'].content['application/json']").exists()
                .jsonPath(ONE + ".responses['200'].content['application/ld+json']").exists()
                .jsonPath(ONE + ".responses['200'].content['text/calendar']").exists()
                .jsonPath(ONE + ".responses['304']").exists()
                .jsonPath(ONE + ".responses['404'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/events/feed.ics'].get.responses['200'].content['text/calendar']").exists()
                .jsonPath("$.paths['/api/events'].get.parameters[?(@.name == 'near')].in").isEqualTo("query");
    }
}
