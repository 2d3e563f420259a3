package de.stadtportal.search.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.stadtportal.kernel.PortalTime;
import de.stadtportal.search.query.application.SearchHit;
import de.stadtportal.search.query.domain.FoundDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.format.DateTimeFormatter;

/**
 * One hit of a search.
 *
 * @param snippet HTML-escaped text with {@code <mark>} around the matching words
 * @param score the rank, to four decimals
 * @param startsAt for events, the next start that has not passed (else the first), in Berlin time
 * @param status for events: {@code scheduled} or {@code cancelled}
 */
@Schema(name = "Hit")
@JsonInclude(JsonInclude.Include.NON_NULL)
record HitView(String type, String id, String city, String title, String snippet, String url, double score,
        String startsAt, String status) {

    static HitView of(SearchHit hit) {
        FoundDocument document = hit.document();
        String startsAt = document.startsAt() == null ? null
                : PortalTime.local(document.startsAt().toInstant()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new HitView(document.type(), document.id(), document.city(), document.title(), hit.snippet(),
                document.url(), Math.round(document.score() * 10_000) / 10_000.0, startsAt, document.status());
    }
}
