package de.stadtportal.content.media.web;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.kernel.PortalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A media item as the API serves it: what the image is, how editors describe it, and where its
 * renditions are ({@code renditions} one by one, {@code srcset} ready for HTML per format). The
 * original's bytes are not linked, since only editors may fetch them.
 */
record MediaView(UUID id, String city, String format, int width, int height, int size, String alt, String altEn,
        String caption, String credit, String licence, FocalPointView focalPoint, List<RenditionLink> renditions,
        Map<String, String> srcset, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    record FocalPointView(double x, double y) {
    }

    static MediaView of(Media media, MediaLinks links) {
        Description text = media.description();
        return new MediaView(media.id(), media.city(), media.format().wire(), media.width(), media.height(),
                media.size(), text.alt(), text.altEn(), text.caption(), text.credit(), text.licence(),
                new FocalPointView(text.focalPoint().x(), text.focalPoint().y()), links.renditions(media),
                links.srcset(media), media.version(), PortalTime.local(media.createdAt()),
                PortalTime.local(media.updatedAt()));
    }
}
