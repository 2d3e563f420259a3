package de.stadtportal.search;

import static de.stadtportal.search.GermanSnapshots.article;
import static de.stadtportal.search.GermanSnapshots.event;
import static de.stadtportal.search.GermanSnapshots.freshCity;
import static de.stadtportal.search.GermanSnapshots.uniqueWord;
import static de.stadtportal.search.GermanSnapshots.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.contracts.EventCodec;
import de.stadtportal.messaging.envelope.CloudEventEnvelope;
import de.stadtportal.testing.infrastructure.RealInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * German text as people type it: inflected, with or without umlauts and ß, a part of a compound,
 * a typo, the first letters. Each kind with words of its own, all in one city of this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GermanMatchingIT {

    @Autowired WebTestClient web;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired CloudEventEnvelope envelope;
    @Autowired EventCodec codec;

    private final String city = freshCity();
    private SearchApi api;
    private GermanSnapshots.Article universities;
    private GermanSnapshots.Article bakery;
    private GermanSnapshots.Venue museum;
    private GermanSnapshots.Venue forum;
    private GermanSnapshots.Event concert;
    private GermanSnapshots.Article library;
    private GermanSnapshots.Article mention;

    @BeforeAll
    void publish() {
        api = new SearchApi(web);
        universities = article(city).title("Campusleben an neun Hochschulen")
                .summary("Lehre und Forschung zwischen Förderturm und Hörsaal.").body("Ein Rundgang.");
        bakery = article(city).title("Frühstück bei der Bäckerei Müller")
                .summary("Seit drei Generationen backt Familie Müller Brötchen am Markt.").topic("leben");
        museum = venue(city).name("Museum unter Tage").street("Bongardstraße 12");
        forum = venue(city).name("Anneliese Brost Musikforum Ruhr").street("Marienplatz 1");
        concert = event(city).title("Konzert für Orgel und Chor").description("Ein Abend mit Bach.")
                .venue("Christuskirche");
        library = article(city).title("Stadtbibliothek").summary("Bücher, Lesesaal und Lernplätze.").topic("leben");
        mention = article(city).title("Lesetipps für den Sommer")
                .summary("Die Stadtbibliothek empfiehlt Romane für lange Abende.").topic("leben");
        new Feed(kafka, envelope, codec).send(universities.published(1), bakery.published(1), museum.changed(1),
                forum.changed(1), concert.published(1), library.published(1), mention.published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", city).total() == 7);
    }

    @Test
    void a_stem_finds_its_inflections_hochschule_finds_hochschulen() {
        assertThat(api.search("q", "Hochschule", "city", city).ids()).containsExactly(universities.id);
    }

    @Test
    void sharp_s_and_ss_find_each_other() {
        assertThat(api.search("q", "Bongardstrasse", "city", city).ids()).containsExactly(museum.id);
        assertThat(api.search("q", "Marienplatz", "city", city).ids()).containsExactly(forum.id);
        assertThat(api.search("q", "Bongardstraße", "city", city).ids()).containsExactly(museum.id);
    }

    @Test
    void umlauts_and_their_two_letter_forms_find_each_other_and_the_snippet_marks_the_original_word() {
        SearchApi.Result mueller = api.search("q", "Mueller", "city", city);
        assertThat(mueller.ids()).containsExactly(bakery.id);
        assertThat(mueller.hits().get(0).snippet()).contains("<mark>Müller</mark>");
        assertThat(api.search("q", "Müller", "city", city).ids()).containsExactly(bakery.id);
        assertThat(api.search("q", "Foerderturm", "city", city).ids()).containsExactly(universities.id);
    }

    @Test
    void a_part_of_a_compound_finds_the_compound() {
        assertThat(api.search("q", "forum", "city", city).ids()).contains(forum.id);
    }

    @Test
    void one_typo_still_finds_the_word() {
        assertThat(api.search("q", "Konzrt", "city", city).ids()).containsExactly(concert.id);
        assertThat(api.search("q", "Bibliotehk", "city", city).ids()).isEmpty();
    }

    @Test
    void the_first_letters_find_the_word() {
        assertThat(api.search("q", "Musikf", "city", city).ids()).containsExactly(forum.id);
    }

    @Test
    void a_title_match_ranks_above_a_mention_in_the_text() {
        assertThat(api.search("q", "Stadtbibliothek", "city", city).ids()).containsExactly(library.id, mention.id);
    }

    @Test
    void suggestions_complete_titles_and_frequent_words() {
        assertThat(api.suggest("q", "musikf", "city", city)).contains("Anneliese Brost Musikforum Ruhr", "Musikforum");
        assertThat(api.suggest("q", "Frühst", "city", city)).contains("Frühstück bei der Bäckerei Müller");
        assertThat(api.suggest("q", "", "city", city)).isEmpty();
    }

    @Test
    void word_completions_keep_to_the_city_asked_for() {
        String word = uniqueWord();
        String display = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        String elsewhere = freshCity();
        GermanSnapshots.Venue hall = venue(elsewhere).name("Halle " + display).street("Schachtstraße 3");
        GermanSnapshots.Article tour = article(city).title("Rundgang durch die Zeche")
                .summary("Vom Schacht bis zur Kaue " + display + ".").topic("leben");
        new Feed(kafka, envelope, codec).send(hall.changed(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", elsewhere).total() == 1);
        String typed = word.substring(0, 6);

        assertThat(api.suggest("q", typed, "city", city)).doesNotContain(display);
        assertThat(api.suggest("q", typed, "city", elsewhere)).contains(display);
        assertThat(api.suggest("q", typed)).contains(display);

        new Feed(kafka, envelope, codec).send(tour.published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("q", "Zeche", "city", city).ids().contains(tour.id));
        assertThat(api.suggest("q", typed, "city", city)).contains(display);
    }

    @Test
    void words_typed_without_umlauts_find_the_umlaut_form_and_the_exact_spelling_ranks_first() {
        String town = freshCity();
        GermanSnapshots.Article kitchen = article(town).title("Neue Küche im Bürgerbüro")
                .summary("Die Gemeinschaftsküche im Rathaus ist ab Montag offen.").body("Kaffee gibt es weiterhin.")
                .topic("leben");
        GermanSnapshots.Article train = article(town).title("Mit dem Regionalexpress nach Düsseldorf")
                .summary("Alle zwanzig Minuten fährt ein Zug.").body("Fahrkarten gibt es am Automaten.").topic("leben");
        GermanSnapshots.Article cake = article(town).title("Kuchen vom Blech")
                .summary("Samstags backt die Konditorei am Markt.").body("Streusel und Pflaume.").topic("leben");
        GermanSnapshots.Article kitchens = article(town).title("Küchen für Vereinsheime")
                .summary("Der Stadtsportbund fördert neue Einbauküchen.").body("Anträge bis Ende Mai.").topic("leben");
        new Feed(kafka, envelope, codec).send(kitchen.published(1), train.published(1), cake.published(1),
                kitchens.published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", town).total() == 4);

        assertThat(api.search("q", "Kuche", "city", town).ids()).contains(kitchen.id);
        assertThat(api.search("q", "Küche", "city", town).ids()).contains(kitchen.id);
        assertThat(api.search("q", "Kueche", "city", town).ids()).contains(kitchen.id);
        assertThat(api.search("q", "Dusseldorf", "city", town).ids()).containsExactly(train.id);
        assertThat(api.search("q", "Düsseldorf", "city", town).ids()).containsExactly(train.id);
        assertThat(api.search("q", "Burgerburo", "city", town).ids()).containsExactly(kitchen.id);
        assertThat(api.search("q", "Kuchen", "city", town).ids()).startsWith(cake.id).contains(kitchens.id);
        assertThat(api.search("q", "Küchen", "city", town).ids()).startsWith(kitchens.id);
    }

    @Test
    void suggestions_offer_only_words_that_live_documents_still_hold() {
        String town = freshCity();
        String withdrawnWord = uniqueWord();
        String editedWord = uniqueWord();
        GermanSnapshots.Article withdrawn = article(town).title("Sommerfest im Park")
                .summary("Mit der Kapelle " + capitalized(withdrawnWord) + ".").topic("leben");
        GermanSnapshots.Article edited = article(town).title("Flohmarkt am Rathaus")
                .summary("Stände von " + capitalized(editedWord) + " und anderen.").topic("leben");
        Feed feed = new Feed(kafka, envelope, codec);
        feed.send(withdrawn.published(1), edited.published(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", town).total() == 2);
        assertThat(api.suggest("q", withdrawnWord.substring(0, 6), "city", town)).contains(capitalized(withdrawnWord));
        assertThat(api.suggest("q", editedWord.substring(0, 6))).contains(capitalized(editedWord));

        feed.send(withdrawn.withdrawn(2), edited.summary("Stände aus der ganzen Stadt.").published(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.search("city", town).total() == 1
                && api.search("q", "ganzen Stadt", "city", town).total() == 1);

        assertThat(api.suggest("q", withdrawnWord.substring(0, 6), "city", town)).doesNotContain(capitalized(withdrawnWord));
        assertThat(api.suggest("q", withdrawnWord.substring(0, 6))).doesNotContain(capitalized(withdrawnWord));
        assertThat(api.suggest("q", editedWord.substring(0, 6))).doesNotContain(capitalized(editedWord));
        assertThat(api.suggest("q", "Flohm", "city", town)).contains("Flohmarkt am Rathaus", "Flohmarkt");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
