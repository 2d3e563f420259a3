package de.stadtportal.portal.desk.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One teaser of a city's carousel as its editors read it ({@code GET /api/cities/{city}/highlights?all=true}):
 * expired and future ones too, each with its stored position, and with warnings when visitors do not
 * see it (a linked draft).
 */
public record DeskHighlight(int position, String title, Link link, Image image, OffsetDateTime validFrom,
        OffsetDateTime validUntil, boolean linksDraft, List<String> warnings) {

    public DeskHighlight {
        validFrom = DeskEvent.local(validFrom);
        validUntil = DeskEvent.local(validUntil);
        warnings = warnings == null ? List.of() : warnings;
    }

    /** What the teaser opens: an article slug, an event or venue id, or an absolute URL. */
    public record Link(String kind, String target) {
    }

    /** Its image: a library item ({@code mediaId}) or an image by URL, with the alt text the API serves. */
    public record Image(String url, String alt, String mediaId) {
    }

    /** Whether the teaser is shown at {@code now}: {@code current}, {@code future} or {@code expired}. */
    public String validity(Instant now) {
        if (validUntil != null && !now.isBefore(validUntil.toInstant())) {
            return "expired";
        }
        return validFrom != null && now.isBefore(validFrom.toInstant()) ? "future" : "current";
    }

    /**
     * The teaser as the carousel's replacement names it again. A library image is named by its id
     * alone, so that it keeps the library's alt text rather than a copy of today's.
     */
    public HighlightWrite write() {
        HighlightWrite.Image picture = image == null ? null : image.mediaId() != null
                ? new HighlightWrite.Image(null, null, image.mediaId())
                : new HighlightWrite.Image(image.url(), image.alt(), null);
        return new HighlightWrite(title, new HighlightWrite.Link(link.kind(), link.target()), picture, validFrom,
                validUntil);
    }
}
