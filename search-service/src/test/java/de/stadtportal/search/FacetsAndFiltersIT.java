package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.event;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static de.stadtportal.search.GermanSnapshots.inDays;
import static de.stadtportal.search.GermanSnapshots.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Filters narrow the hits; each facet counts the hits with every filter but its own, so the type
 * facet still shows articles while the list is filtered to events. Two cities share one made-up
 * word, which keeps this class's documents apart from every other test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetsAndFiltersIT {

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;

    private final String word = uniqueWord();
    private final String north = freshCity();
    private final String south = freshCity();
    private SearchApi api;
    private GermanSnapshots.Event soon;
    private GermanSnapshots.Event later;
    private GermanSnapshots.Event past;
    private GermanSnapshots.Event cancelled;

    @BeforeAll
    void publish() {
        api = new SearchApi(web);
        Feed feed = new Feed(kafka, envelope, codec);
        feed.send(
                article(north).title("Wohnen am Kanal " + word).topic("leben").published(1),
                article(north).title("Grüne Höfe " + word).topic("leben").published(1),
                article(north).title("Gründen im Technologiequartier " + word).topic("business").published(1),
                article(south).title("Radwege entlang der Emscher " + word).topic("leben").published(1));
        soon = event(north).title("Hafenkonzert " + word).category("konzert").start(inDays(10));
        later = event(north).title("Hafenkonzert " + word).category("konzert").start(inDays(40));
        past = event(north).title("Sommertheater " + word).category("theater").start(inDays(-30));
        cancelled = event(south).title("Lesung im Park " + word).category("lesung").status("cancelled")
                .start(inDays(5));
        feed.send(soon.published(1), later.published(1), past.published(1), cancelled.published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("q", word).total() == 8);
    }

    @Test
    void the_type_facet_still_shows_articles_while_the_hits_are_filtered_to_events() {
        SearchApi.Result events = api.search("q", word, "type", "event");
        assertThat(events.total()).isEqualTo(4);
        assertThat(events.hits()).allMatch(hit -> hit.type().equals("event"));
        assertThat(events.facets().type()).isEqualTo(Map.of("article", 4L, "event", 4L));
        assertThat(events.facets().city()).isEqualTo(Map.of(north, 3L, south, 1L));
        assertThat(events.facets().category()).isEqualTo(Map.of("konzert", 2L, "theater", 1L, "lesung", 1L));
        assertThat(events.facets().topic()).isEmpty();
    }

    @Test
    void the_city_facet_ignores_the_city_filter_and_the_other_facets_respect_it() {
        SearchApi.Result result = api.search("q", word, "city", north);
        assertThat(result.total()).isEqualTo(6);
        assertThat(result.facets().city()).isEqualTo(Map.of(north, 6L, south, 2L));
        assertThat(result.facets().type()).isEqualTo(Map.of("article", 3L, "event", 3L));
        assertThat(result.facets().topic()).isEqualTo(Map.of("leben", 2L, "business", 1L));
    }

    @Test
    void topic_and_category_filter_and_each_keeps_its_own_facet_whole() {
        SearchApi.Result leben = api.search("q", word, "topic", "leben");
        assertThat(leben.total()).isEqualTo(3);
        assertThat(leben.facets().topic()).isEqualTo(Map.of("leben", 3L, "business", 1L));
        SearchApi.Result konzert = api.search("q", word, "category", "konzert");
        assertThat(konzert.ids()).containsExactlyInAnyOrder(soon.id, later.id);
        assertThat(konzert.facets().category()).containsEntry("theater", 1L).containsEntry("lesung", 1L);
    }

    @Test
    void a_time_window_keeps_the_events_starting_in_it() {
        SearchApi.Result window = api.search("q", word, "type", "event",
                "from", inDays(7).toString(), "to", inDays(20).toString());
        assertThat(window.ids()).containsExactly(soon.id);
        SearchApi.Result byDate = api.search("q", word, "type", "event",
                "from", inDays(35).toLocalDate().toString(), "to", inDays(45).toLocalDate().toString());
        assertThat(byDate.ids()).containsExactly(later.id);
    }

    @Test
    void upcoming_events_rank_above_past_ones_and_cancelled_events_stay_findable_with_their_status() {
        List<String> order = api.search("q", word, "type", "event", "city", north).ids();
        assertThat(order.indexOf(past.id)).isEqualTo(order.size() - 1);
        SearchApi.Hit lesung = api.search("q", "Lesung " + word).hits().get(0);
        assertThat(lesung.id()).isEqualTo(cancelled.id);
        assertThat(lesung.status()).isEqualTo("cancelled");
    }

    @Test
    void cursor_paging_walks_every_hit_once() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchApi.Result page = cursor == null ? api.search("q", word, "limit", "3")
                    : api.search("q", word, "limit", "3", "cursor", cursor);
            assertThat(page.total()).isEqualTo(8);
            seen.addAll(page.ids());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void a_snippet_marks_matches_and_escapes_markup_from_the_content() {
        String city = freshCity();
        new Feed(kafka, envelope, codec).send(article(city).title("Zechenkultur erleben")
                .summary("<script>alert('x')</script> Zechenkultur & Industriekultur für alle").published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 1);

        String snippet = api.search("q", "Industriekultur", "city", city).hits().get(0).snippet();
        assertThat(snippet).contains("<mark>Industriekultur</mark>").contains("&lt;script&gt;").contains("&amp;")
                .doesNotContain("<script>");
    }
}
