package de.stadtportal.search.document.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One searchable thing as the index keeps it. The four {@code weight} texts feed the weighted
 * text vector: A for the title, B for what describes it in a line (summary, venue, category), C for
 * the long text and tags, D for where it is. {@code summary} and {@code body} are the original
 * texts that snippets are cut from.
 *
 * @param occurrences every known start of an event in order (empty for other types), for the time window
 *     and for telling upcoming events from past ones
 */
public record SearchDocument(
        DocumentType type,
        String id,
        long version,
        String city,
        String topic,
        String category,
        String status,
        OffsetDateTime startsAt,
        List<OffsetDateTime> occurrences,
        String title,
        String summary,
        String body,
        String url,
        String weightA,
        String weightB,
        String weightC,
        String weightD) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
    }

    /** All indexed text, for the vocabulary. */
    public String allText() {
        return String.join(" ", weightA, weightB, weightC, weightD);
    }
}
