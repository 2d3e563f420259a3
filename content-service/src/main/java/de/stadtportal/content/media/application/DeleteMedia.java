package de.stadtportal.content.media.application;

import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Delete a media item that nothing refers to any more. */
public record DeleteMedia(UUID id, IfMatch ifMatch) {
}
