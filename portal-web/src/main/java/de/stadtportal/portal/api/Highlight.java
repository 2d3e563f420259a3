package de.stadtportal.portal.api;

/** One teaser of {@code GET /api/cities/{city}/highlights}; {@code link.href} is an API path or a web URL. */
public record Highlight(int position, String title, Link link, Image image) {

    public record Link(String kind, String target, String href) {
    }
}
