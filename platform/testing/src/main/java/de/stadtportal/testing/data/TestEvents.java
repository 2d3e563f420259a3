package de.stadtportal.testing.data;

import de.stadtportal.contracts.Address;
import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.EventSnapshot;
import de.stadtportal.contracts.EventType;
import de.stadtportal.contracts.EventWithdrawn;
import de.stadtportal.kernel.Geo;
import de.stadtportal.contracts.Image;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.MediaChanged;
import de.stadtportal.contracts.MediaRemoved;
import de.stadtportal.contracts.MediaSnapshot;
import de.stadtportal.contracts.Price;
import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRef;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.contracts.VenueSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contract events for tests. One realistic event of every type, all from Bochum, with fixed ids and
 * times ({@link #of(EventType)}, {@link #articlePublished()}, …), for tests that read what an event
 * says; and fresh articles ({@link #newArticleId()}, {@link #articlePublished(String, long, String)},
 * …) for tests that care about ids, versions and titles, built from the same sample so they pass
 * their JSON Schema.
 */
public final class TestEvents {

    public static final String ARTICLE_ID = "3f1c2a4e-8b7d-4e21-9a6f-5d0c7e9b1a42";
    public static final String MEDIA_ID = "7b0e3c52-1f4a-4d8e-9c2b-6a5d4e3f2a10";
    public static final String VENUE_ID = "anneliese-brost-musikforum-ruhr";
    public static final String EVENT_ID = "bosy-brahms-2027-03-20";
    public static final OffsetDateTime CONCERT_START = OffsetDateTime.parse("2027-03-20T19:00:00+01:00");

    private static final Geo MUSIKFORUM = new Geo(51.4787, 7.2163);

    private TestEvents() {
    }

    public static IntegrationEvent of(EventType type) {
        return switch (type) {
            case CITY_CHANGED -> cityChanged();
            case CITY_REMOVED -> new CityRemoved("bochum", 8, Instant.parse("2026-10-01T09:00:00Z"));
            case ARTICLE_PUBLISHED -> articlePublished();
            case ARTICLE_WITHDRAWN -> new ArticleWithdrawn(ARTICLE_ID, 4, Instant.parse("2026-11-02T12:00:00Z"),
                    "bochum", "univercity-bochum");
            case MEDIA_CHANGED -> new MediaChanged(MEDIA_ID, 2, Instant.parse("2026-09-02T08:00:00Z"),
                    new MediaSnapshot(MEDIA_ID, "bochum", "ab".repeat(32), "jpeg", 2400, 1600,
                            "Förderturm des Bergbau-Museums", "Headframe of the mining museum", null,
                            "Foto: Stadt Bochum", "CC BY 4.0", 0.5, 0.3, List.of(320, 640, 1024, 1600)));
            case MEDIA_REMOVED -> new MediaRemoved(MEDIA_ID, 3, Instant.parse("2026-09-03T08:00:00Z"), "bochum");
            case VENUE_CHANGED -> venueChanged();
            case VENUE_REMOVED -> new VenueRemoved(VENUE_ID, 3, Instant.parse("2026-12-01T08:00:00Z"), "bochum");
            case EVENT_PUBLISHED -> eventPublished();
            case EVENT_WITHDRAWN -> new EventWithdrawn(EVENT_ID, 2, Instant.parse("2027-03-01T16:45:00Z"), "bochum");
        };
    }

    public static CityChanged cityChanged() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Einwohner", "rund 365.000");
        facts.put("Fläche", "145 km²");
        facts.put("Hochschulen", "9");
        return new CityChanged("bochum", 7, Instant.parse("2026-09-01T07:30:00Z"), new CitySnapshot(
                "bochum",
                "Bochum",
                "Tief im Westen",
                "Wissen, Wandel, Revier",
                "Bochum liegt mitten im Ruhrgebiet: Zechenstadt von gestern, Hochschulstadt von heute.",
                facts,
                new Image("https://img.stadtportal.de/bochum/bergbaumuseum.jpg", "Förderturm des Bergbau-Museums"),
                List.of("herne", "gelsenkirchen", "essen", "hattingen", "witten", "dortmund")));
    }

    public static ArticlePublished articlePublished() {
        return new ArticlePublished(ARTICLE_ID, 3, Instant.parse("2026-09-03T10:15:00Z"), article("UniverCity Bochum"));
    }

    public static ArticleSnapshot article(String title) {
        return article(ARTICLE_ID, "bochum", "univercity-bochum", title, Instant.parse("2026-09-01T08:00:00Z"),
                Instant.parse("2026-09-03T10:15:00Z"), List.of("en"));
    }

    public static String newArticleId() {
        return UUID.randomUUID().toString();
    }

    /** A fresh article of Bochum, published now. */
    public static ArticlePublished articlePublished(String articleId, long version, String title) {
        return articlePublished(articleId, version, title, "bochum");
    }

    public static ArticlePublished articlePublished(String articleId, long version, String title, String city) {
        Instant now = Instant.now();
        return new ArticlePublished(articleId, version, now,
                article(articleId, city, slugOf(articleId), title, now, now, List.of()));
    }

    public static ArticleWithdrawn articleWithdrawn(String articleId, long version) {
        return new ArticleWithdrawn(articleId, version, Instant.now(), "bochum", slugOf(articleId));
    }

    private static String slugOf(String articleId) {
        return "artikel-" + articleId.substring(0, 8);
    }

    private static ArticleSnapshot article(String articleId, String city, String slug, String title,
            Instant publishedAt, Instant updatedAt, List<String> translations) {
        return new ArticleSnapshot(
                articleId,
                city,
                slug,
                "de",
                "arbeiten",
                title,
                "Wie Hochschulen und Stadt zusammenwachsen",
                "Neun Hochschulen, über 50.000 Studierende und ein Netzwerk, das Forschung in die Stadt holt.",
                "## Eine Stadt lernt um\n\nWo früher Kohle gefördert wurde, entstehen heute Labore und Start-ups.",
                List.of("hochschule", "wissenschaft", "karriere"),
                new Image("https://img.stadtportal.de/bochum/campus.jpg", "Campus der Ruhr-Universität"),
                publishedAt,
                updatedAt,
                translations);
    }

    public static VenueChanged venueChanged() {
        return new VenueChanged(VENUE_ID, 2, Instant.parse("2026-08-15T11:00:00Z"), new VenueSnapshot(
                VENUE_ID,
                "bochum",
                "Anneliese Brost Musikforum Ruhr",
                new Address("Marienplatz 1", "44787", "Bochum"),
                MUSIKFORUM,
                List.of("rollstuhlgerecht", "induktionsschleife"),
                "https://www.bochumer-symphoniker.de"));
    }

    public static EventPublished eventPublished() {
        return eventPublished("scheduled");
    }

    public static EventPublished eventPublished(String status) {
        return new EventPublished(EVENT_ID, 5, Instant.parse("2027-01-10T14:00:00Z"), new EventSnapshot(
                EVENT_ID,
                "bochum",
                "Bochumer Symphoniker: Brahms und Schumann",
                "Sinfoniekonzert mit Brahms' Violinkonzert und Schumanns Rheinischer.",
                "konzert",
                status,
                CONCERT_START,
                OffsetDateTime.parse("2027-03-20T21:15:00+01:00"),
                false,
                null,
                List.of(CONCERT_START),
                new VenueRef(VENUE_ID, "Anneliese Brost Musikforum Ruhr", "bochum", MUSIKFORUM),
                new Price(false, new BigDecimal("19.50"), new BigDecimal("49.00"), "EUR"),
                false,
                List.of("rollstuhlgerecht"),
                "de",
                List.of("klassik", "orchester"),
                new Image("https://img.stadtportal.de/bochum/musikforum-saal.jpg", "Großer Saal"),
                null));
    }
}
