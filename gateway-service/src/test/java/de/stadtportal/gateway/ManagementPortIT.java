package de.stadtportal.gateway;

import de.stadtportal.testing.security.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Actuator answers on the management port only, shows health there in full, and changes nothing. */
class ManagementPortIT extends GatewayTest {

    @Test
    void the_public_port_has_no_actuator_at_all() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes",
                "/actuator/health/readiness")) {
            web.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void the_management_port_shows_health_with_its_components_and_the_same_probe_groups_as_every_service() {
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                .jsonPath("$.components.diskSpace.details.free").exists();
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.livenessState.status").isEqualTo("UP");
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.readinessState.status").isEqualTo("UP");
    }

    @Test
    void no_token_changes_the_routes_through_actuator_not_an_editor_and_not_even_an_admin() {
        for (String token : List.of(Tokens.editor("bochum"), Tokens.builder().roles("editor").cities("*").sign())) {
            change(HttpMethod.POST, "/actuator/gateway/refresh", token).expectStatus().isForbidden();
            change(HttpMethod.DELETE, "/actuator/gateway/routes/content", token).expectStatus().isForbidden();
            change(HttpMethod.POST, "/actuator/gateway/routes/elsewhere", token).expectStatus().isForbidden();
        }
        change(HttpMethod.POST, "/actuator/gateway/refresh", null).expectStatus().isUnauthorized();
        // read-only actuator: even an admin's token finds no operation that writes
        change(HttpMethod.POST, "/actuator/gateway/refresh", Tokens.admin()).expectStatus().is4xxClientError();
        change(HttpMethod.DELETE, "/actuator/gateway/routes/content", Tokens.admin()).expectStatus().is4xxClientError();

        management().get().uri("/actuator/gateway/routes").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.route_id == 'content')]").exists();
        web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec change(HttpMethod method,
            String path, String token) {
        return management().method(method).uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"elsewhere\",\"uri\":\"http://evil.example\",\"predicates\":[]}")
                .exchange();
    }
}
