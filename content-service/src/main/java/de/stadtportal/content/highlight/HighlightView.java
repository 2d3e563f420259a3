package de.stadtportal.content.highlight;

import de.stadtportal.content.Berlin;
import de.stadtportal.content.ImageBody;
import de.stadtportal.content.highlight.domain.Highlight;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A highlight as served; {@code link.href} is where an app finds the linked thing. */
record HighlightView(int position, String title, LinkView link, ImageBody image, OffsetDateTime validFrom,
        OffsetDateTime validUntil) {

    record LinkView(String kind, String target, String href) {
    }

    static HighlightView of(String city, int position, Highlight highlight) {
        Highlight.Link link = highlight.link();
        return new HighlightView(position, highlight.title(),
                new LinkView(link.kind().name().toLowerCase(Locale.ROOT), link.target(), link.href(city)),
                new ImageBody(highlight.imageUrl(), highlight.imageAlt()), Berlin.time(highlight.validFrom()),
                Berlin.time(highlight.validUntil()));
    }
}
