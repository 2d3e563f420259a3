package de.stadtportal.search.indexing.application;

import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.CityChanged;
import de.stadtportal.contracts.CityRemoved;
import de.stadtportal.contracts.CitySnapshot;
import de.stadtportal.contracts.EventPublished;
import de.stadtportal.contracts.EventSnapshot;
import de.stadtportal.contracts.EventWithdrawn;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.Topics;
import de.stadtportal.contracts.VenueChanged;
import de.stadtportal.contracts.VenueRemoved;
import de.stadtportal.contracts.VenueSnapshot;
import de.stadtportal.search.document.domain.DocumentType;
import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.document.domain.SearchDocument;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each contract event means for the index: the contract records other services publish,
 * read as the index's own {@link IndexChange}s. It lives beside the use case rather than in the
 * domain, which knows no contracts. Events carry full snapshots, so every change is a complete
 * document and no other topic has to be looked up: an event brings its venue's name along, for
 * instance.
 */
public final class IndexChanges {

    /**
     * The topics the index is made of, which the listener follows and a reindex replays; the media
     * library's topic is not among them, since images are found through the pages that show them.
     */
    public static final List<String> TOPICS = List.of(Topics.CONTENT_CITIES, Topics.CONTENT_ARTICLES,
            Topics.EVENTS_VENUES, Topics.EVENTS_EVENTS);

    /** Markdown punctuation that would only clutter snippets; the words stay. */
    private static final Pattern MARKDOWN = Pattern.compile("[*_#>`~|]+|!?\\[|\\]\\([^)]*\\)|\\]");

    private IndexChanges() {
    }

    public static IndexChange of(IntegrationEvent event) {
        if (event instanceof ArticlePublished published) {
            return new IndexChange.Upsert(article(published.version(), published.article()));
        }
        if (event instanceof ArticleWithdrawn withdrawn) {
            return new IndexChange.Removal(DocumentType.ARTICLE, withdrawn.aggregateId(), withdrawn.version(),
                    withdrawn.city());
        }
        if (event instanceof EventPublished published) {
            return new IndexChange.Upsert(event(published.aggregateId(), published.version(), published.event()));
        }
        if (event instanceof EventWithdrawn withdrawn) {
            return new IndexChange.Removal(DocumentType.EVENT, withdrawn.aggregateId(), withdrawn.version(),
                    withdrawn.city());
        }
        if (event instanceof VenueChanged changed) {
            return new IndexChange.Upsert(venue(changed.aggregateId(), changed.version(), changed.venue()));
        }
        if (event instanceof VenueRemoved removed) {
            return new IndexChange.Removal(DocumentType.VENUE, removed.aggregateId(), removed.version(), removed.city());
        }
        if (event instanceof CityChanged changed) {
            return new IndexChange.Upsert(city(changed.aggregateId(), changed.version(), changed.city()));
        }
        if (event instanceof CityRemoved removed) {
            return new IndexChange.Removal(DocumentType.CITY, removed.aggregateId(), removed.version(),
                    removed.aggregateId());
        }
        throw new IllegalArgumentException("No index change for " + event.getClass().getSimpleName());
    }

    static SearchDocument article(long version, ArticleSnapshot article) {
        String body = plain(article.body());
        String url = "/api/cities/" + article.city() + "/articles/" + article.slug()
                + ("de".equals(article.locale()) ? "" : "?locale=" + article.locale());
        return new SearchDocument(DocumentType.ARTICLE, article.id(), version, article.city(), article.topic(), null,
                null, null, List.of(), article.title(), joined(article.subtitle(), article.summary()), body, url,
                article.title(),
                joined(article.subtitle(), article.summary()),
                joined(body, String.join(" ", article.tags())),
                joined(article.topic(), article.city()));
    }

    static SearchDocument event(String id, long version, EventSnapshot event) {
        List<OffsetDateTime> occurrences = new ArrayList<>();
        occurrences.add(event.start());
        event.nextOccurrences().stream().filter(start -> !start.isEqual(event.start())).forEach(occurrences::add);
        occurrences.sort(Comparator.naturalOrder());
        String venue = event.venue() == null ? null : event.venue().name();
        return new SearchDocument(DocumentType.EVENT, id, version, event.city(), null, event.category(),
                event.status(), event.start(), occurrences, event.title(), joined(venue, event.category()),
                plain(event.description()), "/api/events/" + id,
                event.title(),
                joined(venue, event.category()),
                joined(plain(event.description()), String.join(" ", event.tags())),
                event.city());
    }

    static SearchDocument venue(String id, long version, VenueSnapshot venue) {
        String address = venue.address() == null ? null
                : joined(venue.address().street() + ",", venue.address().postalCode(), venue.address().locality());
        return new SearchDocument(DocumentType.VENUE, id, version, venue.city(), null, null, null, null, List.of(),
                venue.name(), address, "", "/api/venues/" + id,
                venue.name(),
                address,
                String.join(" ", venue.accessibility()),
                venue.city());
    }

    static SearchDocument city(String slug, long version, CitySnapshot city) {
        String facts = city.facts().entrySet().stream()
                .map(fact -> fact.getKey() + ": " + fact.getValue())
                .collect(Collectors.joining(". "));
        return new SearchDocument(DocumentType.CITY, slug, version, slug, null, null, null, null, List.of(),
                city.name(), joined(city.claim(), city.motto()), joined(city.intro(), facts), "/api/cities/" + slug,
                city.name(),
                joined(city.claim(), city.motto()),
                joined(city.intro(), facts),
                slug);
    }

    private static String plain(String markdown) {
        return markdown == null ? "" : MARKDOWN.matcher(markdown).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    private static String joined(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::trim).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
