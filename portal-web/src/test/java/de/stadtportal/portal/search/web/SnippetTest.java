package de.stadtportal.portal.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void the_marks_of_a_match_stay_markup() {
        assertThat(Snippet.html("Im <mark>Musikforum</mark> spielt")).isEqualTo("Im <mark>Musikforum</mark> spielt");
    }

    @Test
    void text_the_api_escaped_is_escaped_once_not_twice() {
        assertThat(Snippet.html("Kunst &amp; Kohle")).isEqualTo("Kunst &amp; Kohle");
    }

    @Test
    void any_other_tag_becomes_text() {
        assertThat(Snippet.html("<img src=x onerror=alert(1)><mark>a</mark>"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt;<mark>a</mark>");
    }

    @Test
    void escaped_markup_in_the_text_stays_text() {
        assertThat(Snippet.html("&lt;script&gt;")).isEqualTo("&lt;script&gt;");
    }

    @Test
    void an_unclosed_mark_is_closed_and_a_stray_closing_one_dropped() {
        assertThat(Snippet.html("</mark>a <mark>b")).isEqualTo("a <mark>b</mark>");
    }

    @Test
    void a_mark_with_attributes_is_not_a_mark() {
        assertThat(Snippet.html("<mark onclick=x>a</mark>")).isEqualTo("&lt;mark onclick=x&gt;a");
    }
}
