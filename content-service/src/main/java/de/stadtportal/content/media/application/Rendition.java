package de.stadtportal.content.media.application;

import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.kernel.version.EntityTags;

/**
 * The bytes of a rendition and its strong entity tag. The tag names the original's bytes, the width
 * and the format, which together fix the rendition for ever.
 */
public record Rendition(String sha256, int width, RenditionFormat format, byte[] bytes) {

    public String entityTag() {
        return EntityTags.of(sha256.substring(0, 32), width, format.extension());
    }
}
