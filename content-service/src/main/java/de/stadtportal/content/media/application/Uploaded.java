package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.Media;

/** The item an upload answers with; {@code created} is false when the city already had these bytes. */
public record Uploaded(Media media, boolean created) {
}
