package de.stadtportal.search;

import de.stadtportal.contracts.Address;
import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.EventSnapshot;
import de.stadtportal.contracts.EventWithdrawn;
import de.stadtportal.kernel.Geo;
import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.Price;
import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRef;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.contracts.VenueSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic German snapshots for the four topics, valid against their JSON Schemas. Each builder
 * starts from plausible Ruhr-city content, so a test states only the fields it is about.
 */
final class GermanSnapshots {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private GermanSnapshots() {
    }

    /** A city slug no other test uses, so that a test can filter its own documents by city. */
    static String freshCity() {
        StringBuilder slug = new StringBuilder("stadt-");
        for (int i = 0; i < 8; i++) {
            slug.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return slug.toString();
    }

    /** A made-up word that occurs nowhere else, to find exactly one test's documents. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static Article article(String city) {
        return new Article(city, UUID.randomUUID().toString());
    }

    /** An article with the id given, e.g. one whose hash puts it into a sample. */
    static Article article(String city, String id) {
        return new Article(city, id);
    }

    static Event event(String city) {
        return new Event(city);
    }

    static Venue venue(String city) {
        return new Venue(city);
    }

    static City city(String slug) {
        return new City(slug);
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(BERLIN).plusDays(days).truncatedTo(ChronoUnit.HOURS).withHour(19);
    }

    static final class Article {
        final String id;
        private final String city;
        private String title = "Wissen, das bleibt: Forschung zwischen Zeche und Campus";
        private String summary = "Neun Hochschulen prägen das Leben in der Stadt.";
        private String body = "Wer hier studiert, findet **Labore**, Bibliotheken und kurze Wege in die Innenstadt.";
        private String topic = "arbeiten";
        private List<String> tags = List.of("wissen");
        private String locale = "de";

        private Article(String city, String id) {
            this.city = city;
            this.id = id;
        }

        Article title(String value) {
            title = value;
            return this;
        }

        Article summary(String value) {
            summary = value;
            return this;
        }

        Article body(String value) {
            body = value;
            return this;
        }

        Article topic(String value) {
            topic = value;
            return this;
        }

        Article tags(String... values) {
            tags = List.of(values);
            return this;
        }

        ArticlePublished published(long version) {
            Instant now = Instant.now();
            return new ArticlePublished(id, version, now, new ArticleSnapshot(id, city, "artikel-" + id.substring(0, 8),
                    locale, topic, title, null, summary, body, tags,
                    new Image("https://img.stadtportal.test/" + id + ".jpg", "Blick über die Stadt"), now, now,
                    List.of()));
        }

        ArticleWithdrawn withdrawn(long version) {
            return new ArticleWithdrawn(id, version, Instant.now(), city, "artikel-" + id.substring(0, 8));
        }
    }

    static final class Event {
        final String id = "ev-" + UUID.randomUUID();
        private final String city;
        private String title = "Sinfoniekonzert am Abend";
        private String description = "Die Bochumer Symphoniker spielen Werke der Romantik.";
        private String category = "konzert";
        private String status = "scheduled";
        private String venue = "Anneliese Brost Musikforum Ruhr";
        private OffsetDateTime start = inDays(14);
        private List<OffsetDateTime> next = List.of();

        private Event(String city) {
            this.city = city;
        }

        Event title(String value) {
            title = value;
            return this;
        }

        Event description(String value) {
            description = value;
            return this;
        }

        Event category(String value) {
            category = value;
            return this;
        }

        Event status(String value) {
            status = value;
            return this;
        }

        Event venue(String value) {
            venue = value;
            return this;
        }

        Event start(OffsetDateTime value) {
            start = value;
            return this;
        }

        Event nextOccurrences(OffsetDateTime... values) {
            next = List.of(values);
            return this;
        }

        EventPublished published(long version) {
            return new EventPublished(id, version, Instant.now(), new EventSnapshot(id, city, title, description,
                    category, status, start, start.plusHours(2), false, null, next,
                    new VenueRef("venue-" + id.substring(3, 11), venue, city, new Geo(51.4787, 7.2163)),
                    new Price(false, new BigDecimal("12.00"), new BigDecimal("39.00"), "EUR"), false,
                    List.of("wheelchair"), "de", List.of("klassik"), null, null));
        }

        EventWithdrawn withdrawn(long version) {
            return new EventWithdrawn(id, version, Instant.now(), city);
        }
    }

    static final class Venue {
        final String id = "venue-" + UUID.randomUUID();
        private final String city;
        private String name = "Kunstmuseum am Park";
        private String street = "Kortumstraße 147";

        private Venue(String city) {
            this.city = city;
        }

        Venue name(String value) {
            name = value;
            return this;
        }

        Venue street(String value) {
            street = value;
            return this;
        }

        VenueChanged changed(long version) {
            return new VenueChanged(id, version, Instant.now(), new VenueSnapshot(id, city, name,
                    new Address(street, "44787", "Bochum"), new Geo(51.48, 7.22), List.of("wheelchair"),
                    "https://venue.stadtportal.test/" + id));
        }

        VenueRemoved removed(long version) {
            return new VenueRemoved(id, version, Instant.now(), city);
        }
    }

    static final class City {
        private final String slug;
        private String name = "Ruhrstadt";
        private String claim = "Die Stadt, die Neues möglich macht";

        private City(String slug) {
            this.slug = slug;
        }

        City name(String value) {
            name = value;
            return this;
        }

        City claim(String value) {
            claim = value;
            return this;
        }

        CityChanged changed(long version) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("Hochschulen", "9");
            facts.put("Einwohner", "365.000");
            return new CityChanged(slug, version, Instant.now(), new CitySnapshot(slug, name, claim,
                    "Wandel mit Wir-Gefühl", "Vom Bergbau zur Wissensstadt: ein Porträt in wenigen Sätzen.", facts,
                    null, List.of("nachbarstadt")));
        }

        CityRemoved removed(long version) {
            return new CityRemoved(slug, version, Instant.now());
        }
    }
}
