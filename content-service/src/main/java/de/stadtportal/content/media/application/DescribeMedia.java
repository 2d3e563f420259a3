package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.Description;
import de.stadtportal.kernel.version.IfMatch;
import java.util.UUID;

/** Replace the description of a media item whose ETag the editor read. */
public record DescribeMedia(UUID id, Description description, IfMatch ifMatch) {
}
