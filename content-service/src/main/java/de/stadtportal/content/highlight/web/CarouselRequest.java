package de.stadtportal.content.highlight.web;

import de.stadtportal.content.highlight.domain.Highlight;
import de.stadtportal.content.web.ImageBody;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The body of {@code PUT /api/cities/{city}/highlights}: the whole carousel, in order. */
record CarouselRequest(@NotNull @Size(max = 20) List<@NotNull @Valid Item> items) {

    record Item(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Valid LinkBody link,
            @NotNull @Valid ImageBody image,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil) {
    }

    record LinkBody(
            @NotNull @Pattern(regexp = "article|event|venue|url", message = "must be article, event, venue or url")
            String kind,
            @NotBlank @Size(max = 2000) String target) {
    }

    /**
     * The highlights this body describes. What Bean Validation cannot say alone (a target of the
     * link's kind, an alt text, a window that ends after it starts) is checked here, every item at
     * once, each problem named by its JSON path like the annotations' problems.
     */
    List<Highlight> highlights() {
        List<FieldError> errors = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String at = "items[" + i + "]";
            Highlight.Kind kind = Highlight.Kind.valueOf(item.link().kind().toUpperCase(Locale.ROOT));
            String target = item.link().target().strip();
            if (!Highlight.Link.fits(kind, target)) {
                errors.add(new FieldError(at + ".link.target", switch (kind) {
                    case ARTICLE -> "must be an article slug";
                    case EVENT, VENUE -> "must be a UUID";
                    case URL -> "must be an absolute http(s) URL";
                }));
            }
            if (item.image().mediaId() == null && (item.image().alt() == null || item.image().alt().isBlank())) {
                errors.add(new FieldError(at + ".image.alt", "must not be blank; teasers are images"));
            }
            Instant from = item.validFrom() == null ? null : item.validFrom().toInstant();
            Instant until = item.validUntil() == null ? null : item.validUntil().toInstant();
            if (from != null && until != null && !from.isBefore(until)) {
                errors.add(new FieldError(at + ".validUntil", "must lie after validFrom"));
            }
            if (errors.isEmpty()) {
                highlights.add(new Highlight(item.title().strip(), new Highlight.Link(kind, target), item.image().url(),
                        item.image().alt(), from, until, item.image().mediaId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Validation failed",
                    "The request has " + errors.size() + " invalid field(s)", errors);
        }
        return highlights;
    }
}
