package de.stadtportal.content.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    @Test
    void markdown_becomes_html() {
        assertThat(SafeHtml.fromMarkdown("Das **Musikforum** liegt am [Marienplatz](https://example.org/platz)."))
                .contains("<strong>Musikforum</strong>")
                .contains("<a href=\"https://example.org/platz\" rel=\"nofollow noopener\">Marienplatz</a>");
    }

    @Test
    void script_elements_do_not_survive() {
        String html = SafeHtml.fromMarkdown("Vorher\n\n<script>alert('x')</script>\n\nNachher");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("alert(").contains("Nachher");
    }

    @Test
    void event_handler_attributes_do_not_survive() {
        String html = SafeHtml.fromMarkdown("<img src=\"https://img.test/a.jpg\" onerror=\"alert(1)\"> "
                + "<p onclick=\"steal()\">Hallo</p>");
        assertThat(html).doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                .contains("https://img.test/a.jpg");
    }

    @Test
    void javascript_urls_do_not_survive_in_markdown_or_html_links() {
        String html = SafeHtml.fromMarkdown("[klick](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">da</a> "
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">dort</a>");
        assertThat(html).doesNotContainIgnoringCase("javascript:").doesNotContain("data:").contains("klick");
    }

    @Test
    void an_empty_body_renders_as_empty_html() {
        assertThat(SafeHtml.fromMarkdown("")).isEmpty();
        assertThat(SafeHtml.fromMarkdown(null)).isEmpty();
    }
}
