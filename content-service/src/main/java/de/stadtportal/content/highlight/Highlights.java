package de.stadtportal.content.highlight;

import de.stadtportal.content.article.KnownArticles;
import de.stadtportal.content.article.domain.Slugs;
import de.stadtportal.content.city.KnownCities;
import de.stadtportal.content.highlight.domain.Highlight;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and replaces carousels ({@code highlight_set} and {@code highlight}). The ETag covers the
 * stored version, which teasers are valid now and which link an article visitors cannot read yet,
 * so a teaser that expires, or a linked draft that is published, also changes the ETag.
 * A replacement is checked completely before anything is written, and the version it replaces is
 * part of the update, so two editors cannot overwrite each other unnoticed.
 */
@Service
class Highlights {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KnownCities cities;
    private final KnownArticles articles;

    Highlights(DatabaseClient database, TransactionalOperator transactions, KnownCities cities, KnownArticles articles) {
        this.database = database;
        this.transactions = transactions;
        this.cities = cities;
        this.articles = articles;
    }

    /**
     * The carousel as stored, with its version (0 before the first replacement) and, for each
     * linked article that still exists, whether visitors can read it.
     */
    record Carousel(String city, long version, List<Highlight> highlights, Map<String, Boolean> articles) {

        /**
         * The valid teasers with their position in the stored order. Visitors get only those whose
         * link they can follow (not a draft's slug); editors get all, with a warning on the others.
         */
        List<HighlightView> validAt(Instant now, boolean forEditors) {
            List<HighlightView> shown = new ArrayList<>();
            for (int i = 0; i < highlights.size(); i++) {
                Highlight highlight = highlights.get(i);
                if (!highlight.isValidAt(now)) {
                    continue;
                }
                String warning = warning(highlight);
                if (warning == null) {
                    shown.add(HighlightView.of(city, i + 1, highlight));
                } else if (forEditors) {
                    shown.add(HighlightView.of(city, i + 1, highlight, articles.containsKey(highlight.link().target()),
                            List.of(warning)));
                }
            }
            return shown;
        }

        /** Why visitors do not see a highlight, or null when they do. */
        private String warning(Highlight highlight) {
            if (highlight.link().kind() != Highlight.Kind.ARTICLE) {
                return null;
            }
            Boolean readable = articles.get(highlight.link().target());
            if (readable == null) {
                return "The linked article '" + highlight.link().target()
                        + "' no longer exists; visitors do not see this highlight";
            }
            return readable ? null : "The linked article '" + highlight.link().target()
                    + "' is a draft; visitors see this highlight once it is published";
        }

        /**
         * Changes with the version, with which teasers are valid and with which are hidden from
         * visitors (so publishing a linked draft changes it); the editors' view, when it shows more,
         * has an ETag of its own. {@code If-Match} accepts either.
         */
        String etag(Instant now, boolean forEditors) {
            StringBuilder state = new StringBuilder();
            boolean hidden = false;
            for (Highlight highlight : highlights) {
                boolean valid = highlight.isValidAt(now);
                boolean visible = warning(highlight) == null;
                hidden |= valid && !visible;
                state.append(!valid ? '0' : visible ? '1' : 'h');
            }
            return forEditors && hidden
                    ? ETags.of("highlights", city, version, state, "editors")
                    : ETags.of("highlights", city, version, state.isEmpty() ? "none" : state);
        }

        Page<HighlightView> page(Instant now, boolean forEditors) {
            return new Page<>(validAt(now, forEditors), null);
        }
    }

    Mono<Carousel> current(String city) {
        return cities.requireExists(city).then(Mono.zip(
                database.sql("SELECT version FROM highlight_set WHERE city = :city").bind("city", city)
                        .map(row -> row.get("version", Long.class)).one().defaultIfEmpty(0L),
                database.sql("SELECT * FROM highlight WHERE city = :city ORDER BY position").bind("city", city)
                        .map(Highlights::highlight).all().collectList()))
                .flatMap(stored -> articles.readable(city, linkedArticles(stored.getT2()))
                        .map(readable -> new Carousel(city, stored.getT1(), stored.getT2(), readable)));
    }

    private static Set<String> linkedArticles(List<Highlight> highlights) {
        return highlights.stream().filter(highlight -> highlight.link().kind() == Highlight.Kind.ARTICLE)
                .map(highlight -> highlight.link().target())
                .collect(Collectors.toSet());
    }

    /** Replaces the carousel if {@code If-Match} names what the caller read. */
    Mono<Carousel> replace(String city, CarouselRequest request, ServerHttpRequest http) {
        return current(city).flatMap(carousel -> {
            Instant now = Instant.now();
            String editors = carousel.etag(now, true);
            ETags.requireMatch(http, names(http, editors) ? editors : carousel.etag(now, false));
            List<Highlight> next = highlights(request);
            return linkedArticlesExist(city, next)
                    .then(transactions.transactional(store(carousel, next)))
                    .then(current(city));
        });
    }

    private static boolean names(ServerHttpRequest http, String etag) {
        return http.getHeaders().getIfMatch().stream().anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag));
    }

    private Mono<Void> store(Carousel carousel, List<Highlight> next) {
        String city = carousel.city();
        Mono<Long> version = carousel.version() == 0
                ? database.sql("INSERT INTO highlight_set (city, version, updated_at) VALUES (:city, 1, now())"
                        + " ON CONFLICT (city) DO NOTHING").bind("city", city).fetch().rowsUpdated()
                : database.sql("UPDATE highlight_set SET version = version + 1, updated_at = now()"
                        + " WHERE city = :city AND version = :version")
                        .bind("city", city).bind("version", carousel.version()).fetch().rowsUpdated();
        return version.flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.preconditionFailed("The highlights changed while this request was processed")))
                .then(database.sql("DELETE FROM highlight WHERE city = :city").bind("city", city).then())
                .thenMany(Flux.range(0, next.size()).concatMap(i -> insert(city, i + 1, next.get(i))))
                .then();
    }

    private Mono<Void> insert(String city, int position, Highlight highlight) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                INSERT INTO highlight (city, position, title, link_kind, link_target, image_url, image_alt, valid_from,
                    valid_until)
                VALUES (:city, :position, :title, :kind, :target, :imageUrl, :imageAlt, :validFrom, :validUntil)
                """)
                .bind("city", city).bind("position", position).bind("title", highlight.title())
                .bind("kind", highlight.link().kind().name().toLowerCase(Locale.ROOT))
                .bind("target", highlight.link().target())
                .bind("imageUrl", highlight.imageUrl()).bind("imageAlt", highlight.imageAlt());
        spec = highlight.validFrom() == null ? spec.bindNull("validFrom", OffsetDateTime.class)
                : spec.bind("validFrom", highlight.validFrom().atOffset(ZoneOffset.UTC));
        spec = highlight.validUntil() == null ? spec.bindNull("validUntil", OffsetDateTime.class)
                : spec.bind("validUntil", highlight.validUntil().atOffset(ZoneOffset.UTC));
        return spec.then();
    }

    /** Checks every item and reports all problems at once, naming each field by its JSON path. */
    private static List<Highlight> highlights(CarouselRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            CarouselRequest.Item item = request.items().get(i);
            String at = "items[" + i + "]";
            Highlight.Kind kind = Highlight.Kind.valueOf(item.link().kind().toUpperCase(Locale.ROOT));
            String target = item.link().target().strip();
            if (!targetFits(kind, target)) {
                errors.add(new FieldError(at + ".link.target", switch (kind) {
                    case ARTICLE -> "must be an article slug";
                    case EVENT, VENUE -> "must be a UUID";
                    case URL -> "must be an absolute http(s) URL";
                }));
            }
            if (item.image().alt() == null || item.image().alt().isBlank()) {
                errors.add(new FieldError(at + ".image.alt", "must not be blank; teasers are images"));
            }
            Instant from = item.validFrom() == null ? null : item.validFrom().toInstant();
            Instant until = item.validUntil() == null ? null : item.validUntil().toInstant();
            if (from != null && until != null && !from.isBefore(until)) {
                errors.add(new FieldError(at + ".validUntil", "must lie after validFrom"));
            }
            if (errors.isEmpty()) {
                highlights.add(new Highlight(item.title().strip(), new Highlight.Link(kind, target), item.image().url(),
                        item.image().alt(), from, until));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "Validation failed",
                    "The request has " + errors.size() + " invalid field(s)", errors);
        }
        return highlights;
    }

    private Mono<Void> linkedArticlesExist(String city, List<Highlight> highlights) {
        return Flux.range(0, highlights.size())
                .filter(i -> highlights.get(i).link().kind() == Highlight.Kind.ARTICLE)
                .concatMap(i -> articles.exists(city, highlights.get(i).link().target())
                        .flatMap(exists -> exists ? Mono.<Void>empty()
                                : Mono.error(ApiProblem.unprocessable("A highlight links an article that does not exist",
                                        new FieldError("items[" + i + "].link.target",
                                                "no article '" + highlights.get(i).link().target() + "' in " + city)))))
                .then();
    }

    private static boolean targetFits(Highlight.Kind kind, String target) {
        return switch (kind) {
            case ARTICLE -> Slugs.isValid(target);
            case EVENT, VENUE -> isUuid(target);
            case URL -> isWebUrl(target);
        };
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Highlight highlight(Readable row) {
        OffsetDateTime from = row.get("valid_from", OffsetDateTime.class);
        OffsetDateTime until = row.get("valid_until", OffsetDateTime.class);
        return new Highlight(row.get("title", String.class),
                new Highlight.Link(Highlight.Kind.valueOf(row.get("link_kind", String.class).toUpperCase(Locale.ROOT)),
                        row.get("link_target", String.class)),
                row.get("image_url", String.class), row.get("image_alt", String.class),
                from == null ? null : from.toInstant(), until == null ? null : until.toInstant());
    }
}
