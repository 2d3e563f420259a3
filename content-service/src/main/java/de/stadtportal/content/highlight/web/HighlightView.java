package de.stadtportal.content.highlight.web;

import de.stadtportal.content.highlight.domain.Carousel;
import de.stadtportal.content.highlight.domain.Highlight;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.web.ImageView;
import de.stadtportal.content.media.web.MediaLinks;
import de.stadtportal.kernel.PortalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A highlight as served; {@code link.href} is where an app finds the linked thing. Visitors get only
 * highlights whose link they can follow; the editors' view also holds the hidden ones, with
 * {@code warnings} saying why ({@code linksDraft} when the linked article is a draft, not when it
 * was deleted). For a visible highlight {@code linksDraft} is false and {@code warnings} empty.
 */
record HighlightView(int position, String title, LinkView link, ImageView image, OffsetDateTime validFrom,
        OffsetDateTime validUntil, boolean linksDraft, List<String> warnings) {

    record LinkView(String kind, String target, String href) {
    }

    static HighlightView of(String city, Carousel.Teaser teaser, MediaLinks links, Map<UUID, Media> items) {
        Highlight highlight = teaser.highlight();
        Highlight.Link link = highlight.link();
        return new HighlightView(teaser.position(), highlight.title(),
                new LinkView(link.kind().name().toLowerCase(Locale.ROOT), link.target(), link.href(city)),
                links.image(highlight.imageUrl(), highlight.imageAlt(), highlight.imageMediaId(), items, "de"),
                PortalTime.local(highlight.validFrom()),
                PortalTime.local(highlight.validUntil()), teaser.linksDraft(), teaser.warnings());
    }
}
