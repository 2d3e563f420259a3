package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Whatever a user types gives results or a 400 problem, never a 500 and never harm. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class HostileQueriesIT {

    private static final List<String> HOSTILE = List.of(
            "'; drop table search_document; --",
            ":* & | !",
            "!!!(((",
            "'",
            "\"",
            "\"Kohle",
            "\\",
            "C:\\Zeche\\",
            "\\\\",
            "a <-> b",
            "<2>",
            "-",
            "- - -",
            "or or or",
            "😀🎶 Konzert 🎻",
            "%_%",
            "\u0000",
            "Zeche' OR '1'='1",
            "`id`; $(whoami)",
            "\u202e Umkehr",
            "x".repeat(200));

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;

    @Test
    void hostile_text_gives_results_or_a_400_problem_and_never_a_500() {
        String city = freshCity();
        new Feed(kafka, envelope, codec).send(article(city).title("Zeche, Kohle und Konzert").published(1));
        SearchApi api = new SearchApi(web);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 1);

        for (String q : HOSTILE) {
            for (String path : List.of("/api/search", "/api/search/suggest")) {
                EntityExchangeResult<String> answer = api.exchange(path, "q", q).expectBody(String.class).returnResult();
                assertThat(answer.getStatus().value()).as("status for %s %s", path, q).isIn(200, 400);
                if (answer.getStatus().value() == 400) {
                    assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                }
            }
        }
        assertThat(api.search("q", "Zeche", "city", city).total()).isEqualTo(1);
        assertThat(api.search("q", "😀🎶 Konzert 🎻", "city", city).total()).isEqualTo(1);
    }

    @Test
    void a_query_over_200_characters_is_a_400_problem_naming_q() {
        for (String path : List.of("/api/search", "/api/search/suggest")) {
            new SearchApi(web).exchange(path, "q", "x".repeat(201))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        }
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_parameter() {
        SearchApi api = new SearchApi(web);
        String[][] cases = {
            {"limit", "0"}, {"limit", "101"}, {"limit", "viele"}, {"cursor", "kein-cursor"},
            {"type", "article,person"}, {"from", "gestern"}, {"to", "2027-13-40"}, {"city", "Bochum; DROP"}};
        for (String[] bad : cases) {
            api.exchange("/api/search", bad[0], bad[1])
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[0]);
        }
    }
}
