package de.stadtportal.content.city;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@SuppressWarnings("unchecked")
class CityIT {

    private static final Set<String> RUHR = Set.of("bochum", "dortmund", "essen", "gelsenkirchen", "herne");

    @Autowired WebTestClient web;
    @Autowired CloudEventEnvelope envelope;

    private final TopicReader topic = new TopicReader(Infrastructure.get().kafka().bootstrapServers());

    @Test
    void bochum_and_its_neighbours_are_there_from_the_start_and_announced_to_the_others() {
        web.get().uri("/api/cities/bochum").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.claim").isEqualTo("Die Ermöglicherstadt")
                .jsonPath("$.facts.Hochschulen").isEqualTo("9")
                .jsonPath("$.neighbours").value(neighbours -> assertThat((List<Object>) neighbours)
                        .containsExactly("dortmund", "essen", "gelsenkirchen", "herne"));

        List<IntegrationEvent> events = topic.read(Topics.CONTENT_CITIES, record -> RUHR.contains(record.key()), 5,
                Duration.ofMillis(500), Duration.ofSeconds(30)).stream().map(r -> envelope.read(r).event()).toList();
        assertThat(events).hasSize(5).allSatisfy(event -> assertThat(event).isInstanceOf(CityChanged.class));
        CityChanged bochum = events.stream().map(CityChanged.class::cast)
                .filter(event -> event.aggregateId().equals("bochum")).findFirst().orElseThrow();
        assertThat(bochum.city().facts().keySet()).containsExactly("Hochschulen", "Hochschulstadt");
    }

    @Test
    void cities_are_listed_page_by_page() {
        Map<?, ?> first = web.get().uri("/api/cities?limit=2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        web.get().uri("/api/cities?limit=2&cursor=" + first.get("next")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].slug").isEqualTo("essen");
    }

    @Test
    void an_admin_adds_and_changes_a_city_and_each_change_is_announced_with_a_higher_version() {
        Map<String, Object> portrait = new LinkedHashMap<>();
        portrait.put("name", "Witten");
        portrait.put("claim", "Wiege des Ruhrbergbaus");
        portrait.put("intro", "An der Ruhr, zwischen Hügeln und Zechenpfaden.");
        portrait.put("facts", new LinkedHashMap<>(Map.of("Universitäten", "1")));
        portrait.put("neighbours", List.of("bochum", "dortmund"));

        String created = web.put().uri("/api/cities/witten").headers(h -> h.setBearerAuth(Tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1)
                .returnResult().getResponseHeaders().getETag();
        web.get().uri("/api/cities/witten").ifNoneMatch(created).exchange().expectStatus().isNotModified();

        portrait.put("motto", "Grün und gründlich");
        web.put().uri("/api/cities/witten").headers(h -> {
                    h.setBearerAuth(Tokens.admin());
                    h.setIfMatch(created);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.motto").isEqualTo("Grün und gründlich");
        web.put().uri("/api/cities/witten").headers(h -> {
            h.setBearerAuth(Tokens.admin());
            h.setIfMatch(created);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(portrait).exchange().expectStatus().isEqualTo(412);

        List<IntegrationEvent> events = topic.read(Topics.CONTENT_CITIES, record -> "witten".equals(record.key()), 2,
                Duration.ofMillis(500), Duration.ofSeconds(30)).stream().map(r -> envelope.read(r).event()).toList();
        assertThat(events).extracting(IntegrationEvent::version).containsExactly(1L, 2L);
        assertThat(((CityChanged) events.get(1)).city().motto()).isEqualTo("Grün und gründlich");
        assertThat(((CityChanged) events.get(1)).city().neighbours()).containsExactly("bochum", "dortmund");
    }
}
