package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class OperationsIT {

    @Autowired WebTestClient web;
    @Autowired MeterRegistry meters;
    @LocalManagementPort int managementPort;

    @Test
    void readiness_on_the_management_port_includes_the_database_and_kafka() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.livenessState.status").isEqualTo("UP");
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.details.database").isEqualTo("PostgreSQL");
    }

    @Test
    void the_public_port_has_no_actuator() {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/prometheus"}) {
            web.get().uri(path).exchange().expectStatus().isNotFound();
        }
        web.post().uri("/actuator/shutdown").headers(h -> h.setBearerAuth(Tokens.editor("bochum"))).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(403, 404));
    }

    @Test
    void the_openapi_document_describes_the_content_api() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/cities/{city}/articles']").exists()
                .jsonPath("$.paths['/api/cities/{city}/articles/{slug}/publication']").exists()
                .jsonPath("$.paths['/api/cities/{city}/highlights']").exists();
    }

    @Test
    void article_changes_are_counted() {
        ContentApi api = new ContentApi(web);
        String slug = (String) api.create(Tokens.editor("bochum"), ContentApi.article("Gezählt " + ContentApi.unique()))
                .getResponseBody().get("slug");
        double published = count("published");
        api.publish(Tokens.editor("bochum"), slug, "de");

        assertThat(count("published")).isEqualTo(published + 1);
        assertThat(meters.find("stadtportal.content.articles.changes").tag("change", "created").counter()).isNotNull();
        assertThat(meters.find("stadtportal.content.publishing.pending").gauge()).isNotNull();
    }

    private double count(String change) {
        var counter = meters.find("stadtportal.content.articles.changes").tag("change", change).counter();
        return counter == null ? 0 : counter.count();
    }
}
