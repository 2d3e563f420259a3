package de.stadtportal.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/cities/{city}/articles} with every field an editor may send (SPEC §9),
 * for the tests whose point is who may write, not what is written.
 */
final class NewArticle {

    private NewArticle() {
    }

    /** An article called {@code title} under {@code slug} ({@code null}: derived from the title). */
    static Map<String, Object> of(String title, String slug) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("subtitle", "Ein Untertitel");
        article.put("topic", "leben");
        article.put("locale", "de");
        article.put("summary", title + " in wenigen Worten.");
        article.put("body", "Ein **kurzer** Text über " + title + ".");
        article.put("tags", List.of("test"));
        article.put("heroImage", Map.of("url", "https://example.org/bild.jpg", "alt", "Ein Bild"));
        article.put("slug", slug);
        return article;
    }
}
