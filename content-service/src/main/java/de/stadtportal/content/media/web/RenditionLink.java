package de.stadtportal.content.media.web;

/** One rendition of an image: its real pixel size, format and absolute URL. */
public record RenditionLink(int width, int height, String format, String url) {
}
