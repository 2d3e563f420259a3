package de.stadtportal.search.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void matching_words_are_marked_in_their_original_spelling() {
        assertThat(Snippet.of("Familie Müller backt Brötchen.", Set.of("mueller"), 24))
                .isEqualTo("Familie <mark>Müller</mark> backt Brötchen.");
    }

    @Test
    void markup_in_the_text_is_escaped_and_only_the_marks_are_html() {
        assertThat(Snippet.of("<b>Zeche</b> & \"Kohle\"", Set.of("zeche"), 24))
                .isEqualTo("&lt;b&gt;<mark>Zeche</mark>&lt;/b&gt; &amp; &quot;Kohle&quot;");
    }

    @Test
    void a_long_text_is_cut_around_the_first_match() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("wort").append(i).append(' ');
        }
        text.append("Fundstück am Ende.");
        String snippet = Snippet.of(text.toString(), Set.of("fundstueck"), 8);
        assertThat(snippet).startsWith("… ").contains("<mark>Fundstück</mark>").doesNotContain("wort50 ");
    }

    @Test
    void without_a_match_the_beginning_is_shown() {
        assertThat(Snippet.of("eins zwei drei vier", Set.of(), 2)).isEqualTo("eins zwei …");
    }
}
