package de.stadtportal.content.article;

import static de.stadtportal.content.ContentApi.BOCHUM;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static de.stadtportal.content.ContentApi.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Once a change has committed, its answer is success, whatever fails after the commit. Here the
 * metrics registry refuses the change counter (a meter filter that throws, as a misconfigured
 * backend might); the scheduler's interval is set far beyond the test, so a scheduled article
 * that appears on time shows that the wake-up after the commit still ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stadtportal.content.publishing.interval=1h")
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class CommittedChangesIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;

    @TestConfiguration
    static class RefusingMetrics {

        @Bean
        MeterFilter refusesTheChangeCounter() {
            return new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    if (id.getName().equals("stadtportal.content.articles.changes")) {
                        throw new IllegalStateException("the metrics backend refuses " + id.getName());
                    }
                    return id;
                }
            };
        }
    }

    @Test
    void a_committed_change_answers_success_when_the_step_after_the_commit_fails() {
        Map<?, ?> created = web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(article("Nach dem Commit " + unique()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String slug = (String) created.get("slug");

        web.post().uri(BOCHUM + "/" + slug + "/publication").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published");
        web.get().uri(BOCHUM + "/" + slug).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void a_scheduled_article_whose_change_counter_fails_is_saved_and_still_wakes_the_scheduler() {
        OffsetDateTime soon = OffsetDateTime.now().plusSeconds(2);
        Map<?, ?> draft = web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(article("Geplant trotz Störung " + unique()), "publishAt", soon.toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(draft.get("status")).isEqualTo("draft");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri(BOCHUM + "/" + draft.get("slug"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published"));
    }
}
