package de.stadtportal.search.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionQueryTest {

    @Test
    void titles_are_completed_from_all_words_and_words_from_the_last_one() {
        SuggestionQuery query = new SuggestionQuery("Theater im St", List.of("bochum"));

        assertThat(query.titleKey()).isEqualTo("theater im st");
        assertThat(query.lastWord()).isEqualTo("st");
        assertThat(query.before()).isEqualTo("Theater im ");
    }

    @Test
    void a_single_word_keeps_nothing_in_front_of_its_completion() {
        assertThat(new SuggestionQuery("  Musikf ", List.of()).before()).isEmpty();
    }

    @Test
    void nothing_typed_or_only_punctuation_is_nothing_to_complete() {
        assertThat(new SuggestionQuery(null, List.of()).words()).isEmpty();
        assertThat(new SuggestionQuery(" -- ", List.of()).words()).isEmpty();
    }
}
