package de.stadtportal.content.article;

import static de.stadtportal.content.ContentApi.BOCHUM;
import static de.stadtportal.content.ContentApi.article;
import static de.stadtportal.content.ContentApi.unique;
import static de.stadtportal.content.ContentApi.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.content.ContentApi;
import de.stadtportal.content.article.application.ScheduledPublishingJob;
import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.Infrastructure;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.kafka.TopicReader;
import de.stadtportal.testing.security.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.ArrayList;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@SuppressWarnings("unchecked")
class ArticleLifecycleIT {

    private static final String EDITOR = Tokens.editor("bochum");

    @Autowired WebTestClient web;
    @Autowired CloudEventEnvelope envelope;
    @Autowired ScheduledPublishingJob scheduling;
    @Autowired DatabaseClient database;

    private final TopicReader topic = new TopicReader(Infrastructure.get().kafka().bootstrapServers());
    private ContentApi api;

    private ContentApi api() {
        if (api == null) {
            api = new ContentApi(web);
        }
        return api;
    }

    @Test
    void the_whole_cycle_from_draft_to_deletion_is_announced_with_full_snapshots_and_rising_versions() {
        String title = "UniverCity Bochum " + unique();
        Map<?, ?> draft = api().create(EDITOR, article(title)).getResponseBody();
        String slug = (String) draft.get("slug");
        String id = (String) draft.get("id");
        assertThat(draft.get("status")).isEqualTo("draft");
        assertThat(draft.get("version")).isEqualTo(1);
        assertThat(draft.get("locale")).isEqualTo("de");

        api().get(slug, null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api().get(slug, EDITOR).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("draft");

        Map<?, ?> published = api().publish(EDITOR, slug, "de").getResponseBody();
        assertThat(published.get("status")).isEqualTo("published");
        assertThat(published.get("version")).isEqualTo(2);
        assertThat((String) published.get("publishedAt")).matches(".*[+]0[12]:00$");

        String etag = api().get(slug, null).expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();
        web.put().uri(BOCHUM + "/" + slug).headers(h -> {
                    h.setBearerAuth(EDITOR);
                    h.setIfMatch(etag);
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(article(title), "summary", "Überarbeitet: Wissen schafft Arbeit."))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(3).jsonPath("$.status").isEqualTo("published");

        web.delete().uri(BOCHUM + "/" + slug + "/publication").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.version").isEqualTo(4);
        api().get(slug, null).expectStatus().isNotFound();

        web.delete().uri(BOCHUM + "/" + slug).headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isNoContent();
        api().get(slug, EDITOR).expectStatus().isNotFound();

        List<IntegrationEvent> events = topic.read(Topics.CONTENT_ARTICLES, record -> id.equals(record.key()), 4,
                        Duration.ofSeconds(1), Duration.ofSeconds(30)).stream()
                .map(record -> envelope.read(record).event()).toList();
        assertThat(events).extracting(IntegrationEvent::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ArticlePublished", "ArticlePublished", "ArticleWithdrawn", "ArticleWithdrawn");
        ArticlePublished edited = (ArticlePublished) events.get(1);
        assertThat(edited.article().title()).isEqualTo(title);
        assertThat(edited.article().summary()).isEqualTo("Überarbeitet: Wissen schafft Arbeit.");
        assertThat(edited.article().body()).contains("**neue Arbeitsplätze**");
        assertThat(edited.article().tags()).containsExactly("wissen", "hochschulen");
        assertThat(edited.article().heroImage().alt()).isEqualTo("Blick über den Campus");
        assertThat(edited.article().city()).isEqualTo("bochum");
        assertThat(edited.article().slug()).isEqualTo(slug);
        assertThat(edited.article().publishedAt()).isNotNull();
        assertThat(((ArticleWithdrawn) events.get(3)).slug()).isEqualTo(slug);
    }

    @Test
    void editors_see_every_revision_and_others_do_not() {
        String slug = (String) api().create(EDITOR, article("Revisionen " + unique())).getResponseBody().get("slug");
        api().publish(EDITOR, slug, "de");

        web.get().uri(BOCHUM + "/" + slug + "/revisions").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].version").isEqualTo(2).jsonPath("$.items[0].change").isEqualTo("published")
                .jsonPath("$.items[1].version").isEqualTo(1).jsonPath("$.items[1].change").isEqualTo("created");
        web.get().uri(BOCHUM + "/" + slug + "/revisions?limit=1").headers(h -> h.setBearerAuth(EDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.next").isNotEmpty();
        web.get().uri(BOCHUM + "/" + slug + "/revisions").exchange().expectStatus().isUnauthorized();
        web.get().uri(BOCHUM + "/" + slug + "/revisions").headers(h -> h.setBearerAuth(Tokens.editor("dortmund")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void a_scheduled_article_is_published_when_its_time_comes() {
        OffsetDateTime soon = OffsetDateTime.now().plusSeconds(2);
        Map<?, ?> draft = api().create(EDITOR, with(article("Bald erscheinend " + unique()), "publishAt", soon.toString()))
                .getResponseBody();
        String slug = (String) draft.get("slug");
        assertThat(draft.get("status")).isEqualTo("draft");
        assertThat(draft.get("publishAt")).isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api().get(slug, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published"));
        assertThat(topic.read(Topics.CONTENT_ARTICLES, record -> draft.get("id").equals(record.key()), 1,
                Duration.ofMillis(500), Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void a_draft_whose_time_passed_while_the_service_was_down_is_published_by_the_catch_up() {
        Map<?, ?> draft = api().create(EDITOR, with(article("Nachgeholt " + unique()), "publishAt",
                OffsetDateTime.now().plusDays(1).toString())).getResponseBody();
        String slug = (String) draft.get("slug");
        // as if the day had passed while no instance was running
        database.sql("UPDATE article SET publish_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", UUID.fromString((String) draft.get("id"))).then().block();

        scheduling.pass().block();

        api().get(slug, null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("published").jsonPath("$.publishAt").doesNotExist();
        List<IntegrationEvent> events = topic.read(Topics.CONTENT_ARTICLES, record -> draft.get("id").equals(record.key()),
                1, Duration.ofMillis(500), Duration.ofSeconds(30)).stream().map(r -> envelope.read(r).event()).toList();
        assertThat(events).singleElement().isInstanceOf(ArticlePublished.class);
    }

    @Test
    void two_instances_publishing_due_drafts_at_once_publish_each_draft_exactly_once() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add((String) api().create(EDITOR, with(article("Gleichzeitig fällig " + i + " " + unique()), "publishAt",
                    OffsetDateTime.now().plusDays(1).toString())).getResponseBody().get("id"));
        }
        long mark = database.sql("SELECT coalesce(max(id), 0) AS mark FROM outbox")
                .map(row -> row.get("mark", Long.class)).one().block();
        database.sql("UPDATE article SET publish_at = now() - interval '1 minute' WHERE id = ANY(CAST(:ids AS uuid[]))")
                .bind("ids", ids.toArray(String[]::new)).then().block();

        // two passes at the same moment, as the schedulers of two instances run them (each its own transactions)
        Long published = Mono.zip(scheduling.pass().subscribeOn(Schedulers.boundedElastic()),
                scheduling.pass().subscribeOn(Schedulers.boundedElastic()), Long::sum).block(Duration.ofSeconds(60));

        assertThat(published).isGreaterThanOrEqualTo(ids.size());
        assertThat(database.sql("""
                        SELECT count(*) AS n, count(DISTINCT message_key) AS keys FROM outbox
                        WHERE id > :mark AND message_key = ANY(:ids)""")
                .bind("mark", mark).bind("ids", ids.toArray(String[]::new))
                .map(row -> List.of(row.get("n", Long.class), row.get("keys", Long.class))).one().block())
                .as("one ArticlePublished per draft, from whichever pass locked it first")
                .containsExactly((long) ids.size(), (long) ids.size());
    }

    @Test
    void etags_answer_304_and_updates_need_a_current_if_match() {
        String slug = (String) api().create(EDITOR, article("Bedingt " + unique())).getResponseBody().get("slug");
        api().publish(EDITOR, slug, "de");
        String etag = api().get(slug, null).expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();

        web.get().uri(BOCHUM + "/" + slug).ifNoneMatch(etag).exchange().expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", etag);
        update(slug, null).expectStatus().isEqualTo(428).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        update(slug, "\"stale\"").expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api().get(slug, null).expectBody().jsonPath("$.version").isEqualTo(2);

        update(slug, etag).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
        update(slug, etag).expectStatus().isEqualTo(412);
        web.get().uri(BOCHUM + "/" + slug).ifNoneMatch(etag).exchange().expectStatus().isOk();
    }

    @Test
    void reads_fall_back_to_german_and_say_which_locale_they_served() {
        String slug = "leben-" + unique();
        api().create(EDITOR, with(article("Großstadt mit Lebensgefühl"), "slug", slug));
        api().publish(EDITOR, slug, "de");

        web.get().uri(BOCHUM + "/" + slug + "?locale=en").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "de")
                .expectBody().jsonPath("$.locale").isEqualTo("de");

        Map<String, Object> english = with(with(article("A city with a zest for life"), "slug", slug), "locale", "en");
        api().create(EDITOR, english);
        // an unpublished translation is not served to the public
        web.get().uri(BOCHUM + "/" + slug + "?locale=en").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "de");
        api().publish(EDITOR, slug, "en");

        web.get().uri(BOCHUM + "/" + slug + "?locale=en").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "en")
                .expectBody().jsonPath("$.locale").isEqualTo("en").jsonPath("$.title").isEqualTo("A city with a zest for life");
        web.get().uri(BOCHUM + "/" + slug).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.locale").isEqualTo("de").jsonPath("$.translations[0]").isEqualTo("en");
        web.get().uri(BOCHUM + "/" + slug + "?locale=fr").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("locale");
    }

    @Test
    void slugs_are_derived_from_the_title_and_numbered_on_collision_but_an_explicit_collision_is_409() {
        String word = unique();
        String title = "Größe & Übermut: Straße der Ärzte " + word;
        String expected = "groesse-uebermut-strasse-der-aerzte-" + word;

        assertThat(api().create(EDITOR, article(title)).getResponseBody().get("slug")).isEqualTo(expected);
        assertThat(api().create(EDITOR, article(title)).getResponseBody().get("slug")).isEqualTo(expected + "-2");
        assertThat(api().create(EDITOR, article(title)).getResponseBody().get("slug")).isEqualTo(expected + "-3");

        web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(article("Anders"), "slug", expected)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
        web.post().uri(BOCHUM).headers(h -> h.setBearerAuth(EDITOR)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(article("Anders"), "slug", "Straße")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slug");
    }

    @Test
    void the_body_is_kept_as_written_and_served_as_sanitized_html() {
        String markdown = "Ein **Abend** im Musikforum.\n\n<script>alert('x')</script>\n\n"
                + "<img src=\"https://img.test/a.jpg\" onerror=\"alert(1)\">\n\n[Programm](javascript:alert(2))";
        String slug = (String) api().create(EDITOR, with(article("Sicher " + unique()), "body", markdown))
                .getResponseBody().get("slug");

        Map<?, ?> served = api().get(slug, EDITOR).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(served.get("body")).isEqualTo(markdown);
        assertThat((String) served.get("bodyHtml")).contains("<strong>Abend</strong>")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void the_list_is_newest_first_and_its_cursor_stays_stable_while_articles_are_published() {
        String tag = unique();
        for (int i = 1; i <= 3; i++) {
            String slug = (String) api().create(EDITOR, with(article("Liste " + i + " " + tag), "tags", List.of(tag)))
                    .getResponseBody().get("slug");
            api().publish(EDITOR, slug, "de");
        }
        Map<?, ?> first = web.get().uri(BOCHUM + "?tag=" + tag + "&limit=2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Object>) first.get("items")).extracting(item -> (Object) ((Map<?, ?>) item).get("title"))
                .containsExactly("Liste 3 " + tag, "Liste 2 " + tag);

        String newest = (String) api().create(EDITOR, with(article("Liste 4 " + tag), "tags", List.of(tag)))
                .getResponseBody().get("slug");
        api().publish(EDITOR, newest, "de");

        Map<?, ?> second = web.get().uri(BOCHUM + "?tag=" + tag + "&limit=2&cursor=" + first.get("next")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Object>) second.get("items")).extracting(item -> (Object) ((Map<?, ?>) item).get("title"))
                .containsExactly("Liste 1 " + tag);
        assertThat(second.get("next")).isNull();
        web.get().uri(BOCHUM + "?tag=" + tag + "&topic=leben").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void editors_of_the_city_list_its_drafts_most_recently_changed_first_and_nobody_else_does() {
        String tag = unique();
        String older = (String) api().create(EDITOR, with(article("Entwurf alt " + tag), "tags", List.of(tag)))
                .getResponseBody().get("slug");
        String published = (String) api().create(EDITOR, with(article("Entwurf fertig " + tag), "tags", List.of(tag)))
                .getResponseBody().get("slug");
        api().publish(EDITOR, published, "de");
        api().create(EDITOR, with(with(article("Entwurf neu " + tag), "tags", List.of(tag)), "publishAt",
                OffsetDateTime.now().plusDays(3).toString()));
        String etag = api().get(older, EDITOR).expectStatus().isOk().returnResult(Void.class).getResponseHeaders()
                .getETag();
        web.put().uri(BOCHUM + "/" + older).headers(h -> {
            h.setBearerAuth(EDITOR);
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(with(article("Entwurf alt, überarbeitet " + tag), "tags",
                List.of(tag))).exchange().expectStatus().isOk();

        Map<?, ?> first = drafts(tag, "&limit=1", EDITOR).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat((List<Object>) first.get("items")).singleElement()
                .satisfies(item -> assertThat((Map<String, Object>) item).containsEntry("slug", older)
                        .containsEntry("status", "draft"));
        Map<?, ?> second = drafts(tag, "&limit=1&cursor=" + first.get("next"), EDITOR).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Object>) second.get("items")).singleElement()
                .satisfies(item -> assertThat((Map<String, Object>) item).containsEntry("status", "draft")
                        .containsEntry("title", "Entwurf neu " + tag).containsKey("publishAt"));
        assertThat(second.get("next")).isNull();
        drafts(tag, "&locale=en", EDITOR).expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);

        drafts(tag, "", null).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        drafts(tag, "", Tokens.editor("dortmund")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        drafts(tag, "", Tokens.admin()).expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
        web.get().uri(BOCHUM + "?tag=" + tag + "&status=archived").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        web.get().uri(BOCHUM + "?tag=" + tag).headers(h -> h.setBearerAuth(EDITOR)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].slug").isEqualTo(published);
    }

    private WebTestClient.ResponseSpec drafts(String tag, String query, String token) {
        return web.get().uri(BOCHUM + "?status=draft&tag=" + tag + query).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec update(String slug, String ifMatch) {
        return web.put().uri(BOCHUM + "/" + slug).headers(h -> {
            h.setBearerAuth(EDITOR);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(article("Bedingt, geändert")).exchange();
    }
}
