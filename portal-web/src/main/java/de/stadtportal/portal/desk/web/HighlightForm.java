package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskHighlight;
import de.stadtportal.portal.desk.api.HighlightWrite;
import de.stadtportal.portal.desk.api.Refusal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The form of one highlight as the browser posts it: what it links ({@code kind}, {@code target}),
 * its image (an item of the city's library, or a URL with its alt text) and its validity window as
 * {@code datetime-local} values in city time, either end open. What the desk can tell alone (a date
 * it cannot read, a window that ends before it starts) it refuses in the API's words, so both
 * languages come from the same translations as the API's own refusals.
 */
record HighlightForm(String title, String kind, String target, String imageMediaId, String imageUrl, String imageAlt,
        String validFrom, String validUntil, String etag) {

    /** The fields the form shows a refusal under. */
    static final List<String> FIELDS = List.of("title", "kind", "target", "imageMediaId", "imageUrl", "imageAlt",
            "validFrom", "validUntil");
    static final List<String> KINDS = List.of("article", "event", "venue", "url");

    static HighlightForm empty(String etag) {
        return new HighlightForm("", "url", "", "", "", "", "", "", etag);
    }

    static HighlightForm of(DeskHighlight highlight, String etag) {
        DeskHighlight.Image image = highlight.image();
        boolean library = image != null && image.mediaId() != null;
        return new HighlightForm(highlight.title(), highlight.link().kind(), highlight.link().target(),
                library ? image.mediaId() : "", library || image == null ? "" : image.url(),
                library || image == null ? "" : image.alt(), local(highlight.validFrom()),
                local(highlight.validUntil()), etag);
    }

    /** The same fields with the ETag of a newer carousel, the editor's input kept. */
    HighlightForm withEtag(String newer) {
        return new HighlightForm(title, kind, target, imageMediaId, imageUrl, imageAlt, validFrom, validUntil, newer);
    }

    /** What the desk refuses before asking the API: dates it cannot read, a window that ends before it starts. */
    List<Refusal.FieldProblem> problems() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        OffsetDateTime from = time(validFrom, "validFrom", problems);
        OffsetDateTime until = time(validUntil, "validUntil", problems);
        if (from != null && until != null && !from.isBefore(until)) {
            problems.add(new Refusal.FieldProblem("validUntil", "must lie after validFrom"));
        }
        return problems;
    }

    /** The highlight for the API (after {@link #problems()} found nothing). */
    HighlightWrite write() {
        HighlightWrite.Image image = blank(imageMediaId) ? new HighlightWrite.Image(strip(imageUrl), strip(imageAlt), null)
                : new HighlightWrite.Image(null, null, imageMediaId.strip());
        return new HighlightWrite(strip(title), new HighlightWrite.Link(kind, strip(target)), image,
                time(validFrom, "validFrom", new ArrayList<>()), time(validUntil, "validUntil", new ArrayList<>()));
    }

    private static OffsetDateTime time(String value, String field, List<Refusal.FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(DeskArticleController.CITY_TIME).toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            problems.add(new Refusal.FieldProblem(field, "must be a date and time"));
            return null;
        }
    }

    private static String local(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(DeskArticleController.CITY_TIME).toLocalDateTime().toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }
}
