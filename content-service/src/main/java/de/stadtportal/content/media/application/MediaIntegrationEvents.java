package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.domain.MediaEvent;
import de.stadtportal.contracts.IntegrationEvent;
import de.stadtportal.contracts.MediaChanged;
import de.stadtportal.contracts.MediaRemoved;
import de.stadtportal.contracts.MediaSnapshot;

/** The media item's own events as the contracts others read on {@code content.media.v1}. */
final class MediaIntegrationEvents {

    private MediaIntegrationEvents() {
    }

    static IntegrationEvent of(MediaEvent event) {
        Media media = event.media();
        if (event instanceof MediaEvent.Removed) {
            return new MediaRemoved(media.id().toString(), media.version(), media.updatedAt(), media.city());
        }
        Description text = media.description();
        return new MediaChanged(media.id().toString(), media.version(), media.updatedAt(),
                new MediaSnapshot(media.id().toString(), media.city(), media.sha256(), media.format().wire(),
                        media.width(), media.height(), text.alt(), text.altEn(), text.caption(), text.credit(),
                        text.licence(), text.focalPoint().x(), text.focalPoint().y(), media.renditionWidths()));
    }
}
