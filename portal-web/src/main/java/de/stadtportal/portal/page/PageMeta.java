package de.stadtportal.portal.page;

import java.util.List;

/**
 * What a page says about itself in its head: title, description, canonical URL (absolute), the
 * OpenGraph type and image, the language of its content and its versions in other languages.
 */
public record PageMeta(String title, String description, String canonical, String ogType, String image,
        String lang, List<Alternate> alternates) {

    /** The same page in another language, for {@code <link rel="alternate" hreflang>}. */
    public record Alternate(String lang, String href) {
    }

    public static PageMeta of(String title, String description, String canonical) {
        return new PageMeta(title, description, canonical, "website", null, "de", List.of());
    }

    public PageMeta withImage(String url) {
        return new PageMeta(title, description, canonical, ogType, url, lang, alternates);
    }

    public PageMeta asArticle(String language, List<Alternate> versions) {
        return new PageMeta(title, description, canonical, "article", image, language, versions);
    }
}
