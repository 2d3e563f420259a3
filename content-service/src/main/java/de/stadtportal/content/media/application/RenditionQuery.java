package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.RenditionFormat;
import java.util.UUID;

/** One rendition of a media item: a standard width in one format. */
public record RenditionQuery(UUID id, int width, RenditionFormat format) {
}
