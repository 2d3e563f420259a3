package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static de.stadtportal.search.GermanSnapshots.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The limits that keep a frequent word as fast as a rare one, made small enough to reach with a
 * handful of documents: more than eight matches are estimated, a word in five or more documents is
 * not widened to its compounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stadtportal.search.limits.counted-exactly=8", "stadtportal.search.limits.common-word=5"})
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedSearchIT {

    private static final int MANY = 40;

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;
    @Autowired DatabaseClient database;

    private final String city = freshCity();
    private final String frequent = uniqueWord();
    private final String rare = uniqueWord();
    private final String broad = uniqueWord();
    private List<String> inFineSample;
    private SearchApi api;
    private GermanSnapshots.Article wholeTitle;
    private GermanSnapshots.Article concert;
    private GermanSnapshots.Article harbourConcert;
    private GermanSnapshots.Article musicForum;

    @BeforeAll
    void publish() {
        api = new SearchApi(web);
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            events.add(article(city).title("Neues aus " + frequent + " Nummer " + i).published(1));
        }
        wholeTitle = article(city).title(frequent.toUpperCase());
        events.add(wholeTitle.published(1));
        events.add(article(city).title("Ein " + rare + " Abend").published(1));
        events.add(article(city).title("Zwei " + rare + " Abende").published(1));
        for (int i = 0; i < 5; i++) {
            events.add(article(city).title("Konzert im Park " + i).published(1));
        }
        concert = article(city).title("Konzert am Hafen");
        harbourConcert = article(city).title("Hafenkonzert am Abend");
        musicForum = article(city).title("Anneliese Brost Musikforum Ruhr");
        events.addAll(List.of(concert.published(1), harbourConcert.published(1), musicForum.published(1)));
        // two articles in the 1,024th (sample 0 and fine_sample 0, V6) and three outside it, all with one word
        inFineSample = idsInFineSample(2);
        for (String id : inFineSample) {
            events.add(article(city, id).title("Rundgang " + broad + " am Morgen").published(1));
        }
        for (int i = 0; i < 3; i++) {
            events.add(article(city).title("Rundgang " + broad + " Nummer " + i).published(1));
        }
        new Feed(kafka, envelope, codec).send(events.toArray(IntegrationEvent[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.search("city", city).total() == MANY + 16);
    }

    @Test
    void more_matches_than_are_counted_give_an_estimated_total_and_facets() {
        SearchApi.Result result = api.search("q", frequent, "city", city);
        assertThat(result.totalIsEstimate()).isTrue();
        assertThat(result.total()).isGreaterThan(8);
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.facets().type()).containsOnlyKeys("article");
    }

    @Test
    void few_matches_are_counted_exactly_and_say_so() {
        SearchApi.Result result = api.search("q", rare, "city", city);
        assertThat(result.totalIsEstimate()).isFalse();
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.facets().type()).containsEntry("article", 2L);
    }

    @Test
    void the_whole_title_typed_comes_first_even_when_the_list_is_bounded() {
        SearchApi.Result result = api.search("q", frequent);
        assertThat(result.totalIsEstimate()).isTrue();
        assertThat(result.hits().get(0).id()).isEqualTo(wholeTitle.id);
    }

    @Test
    void pages_of_a_bounded_list_never_repeat_a_hit() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchApi.Result page = cursor == null ? api.search("q", frequent, "limit", "3")
                    : api.search("q", frequent, "limit", "3", "cursor", cursor);
            assertThat(page.totalIsEstimate()).isTrue();
            seen.addAll(page.ids());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 30);
        assertThat(cursor).isNull();
        assertThat(seen).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void a_word_the_32nd_would_hold_too_often_is_counted_from_the_1024th_and_still_listed() {
        // two matches in the 1,024th stand for 2 × 32 = 64 in the 32nd, more than twice the 8 counted
        SearchApi.Result result = api.search("q", broad, "city", city);
        assertThat(result.totalIsEstimate()).isTrue();
        assertThat(result.total()).isEqualTo(2 * 1024);
        assertThat(result.facets().type()).containsExactly(entry("article", 2L * 1024));
        assertThat(result.ids()).containsAll(inFineSample);
    }

    @Test
    void a_frequent_word_is_taken_as_meant_and_not_widened_to_its_compounds() {
        assertThat(api.search("q", "Konzert", "city", city).ids()).contains(concert.id)
                .doesNotContain(harbourConcert.id);
    }

    @Test
    void a_typo_of_a_frequent_word_and_a_part_of_a_rare_compound_are_still_widened() {
        assertThat(api.search("q", "Konzrt", "city", city).ids()).contains(concert.id);
        assertThat(api.search("q", "forum", "city", city).ids()).containsExactly(musicForum.id);
    }

    /** Article ids whose document falls into the 1,024th (its hash ends in ten zero bits), as PostgreSQL hashes. */
    private List<String> idsInFineSample(int count) {
        List<String> candidates = Stream.generate(() -> UUID.randomUUID().toString()).limit(20_000).toList();
        return database.sql("""
                        SELECT id FROM unnest(CAST(:ids AS text[])) id
                        WHERE hashtext('article/' || id) & 1023 = 0 LIMIT :count
                        """)
                .bind("ids", candidates.toArray(String[]::new)).bind("count", count)
                .map(row -> row.get("id", String.class)).all().collectList().block();
    }
}
