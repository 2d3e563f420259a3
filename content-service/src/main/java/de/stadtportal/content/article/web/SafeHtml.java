package de.stadtportal.content.article.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders Markdown to HTML and then cleans it with an allow-list. Markdown may contain raw HTML,
 * and an editor's account can be taken over, so the rendered HTML is never trusted: only ordinary
 * text markup, links and images survive, links and images only with http(s) (links also mailto),
 * and no element keeps an event handler or a style. Cleaning after rendering (not escaping before)
 * keeps harmless inline HTML such as {@code <sup>} working.
 * <p>
 * Immutable and thread-safe.
 */
public final class SafeHtml {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeHtml() {
    }

    public static String fromMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(MARKDOWN.parse(markdown));
        return Jsoup.clean(html, "", ALLOWED, OUTPUT).trim();
    }
}
