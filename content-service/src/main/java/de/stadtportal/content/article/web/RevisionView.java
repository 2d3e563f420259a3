package de.stadtportal.content.article.web;

import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Revision;
import de.stadtportal.content.media.web.ImageView;
import de.stadtportal.kernel.PortalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** One saved state of an article, for editors: what changed, who saved it, and the content as it was. */
record RevisionView(long version, String change, String savedBy, OffsetDateTime savedAt, String status, String topic,
        String title, String subtitle, String summary, String body, List<String> tags, ImageView heroImage,
        OffsetDateTime publishAt) {

    static RevisionView of(Revision revision) {
        Content content = revision.content();
        return new RevisionView(revision.version(), revision.change(), revision.savedBy(),
                PortalTime.local(revision.savedAt()), revision.status().wire(), content.topic(), content.title(),
                content.subtitle(), content.summary(), content.body(), content.tags(),
                content.heroImage() == null ? null : new ImageView(content.heroImage().url(), content.heroImage().alt(),
                        content.heroImage().mediaId(), null, null, null, null),
                PortalTime.local(revision.publishAt()));
    }
}
