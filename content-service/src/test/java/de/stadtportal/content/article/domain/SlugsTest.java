package de.stadtportal.content.article.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void umlauts_and_sharp_s_are_spelled_out() {
        assertThat(Slugs.derive("Größe & Übermut: Straße der Ärzte")).isEqualTo("groesse-uebermut-strasse-der-aerzte");
        assertThat(Slugs.derive("Müller öffnet")).isEqualTo("mueller-oeffnet");
    }

    @Test
    void other_accents_are_dropped_and_punctuation_becomes_single_hyphens() {
        assertThat(Slugs.derive("  Café   Crème -- à la carte!  ")).isEqualTo("cafe-creme-a-la-carte");
        assertThat(Slugs.derive("MARK 51°7")).isEqualTo("mark-51-7");
    }

    @Test
    void a_title_without_letters_still_gets_a_slug() {
        assertThat(Slugs.derive("!!!")).isEqualTo("artikel");
        assertThat(Slugs.isValid(Slugs.derive("!!!"))).isTrue();
    }

    @Test
    void long_titles_are_cut_to_the_maximum_without_a_trailing_hyphen() {
        String slug = Slugs.derive("Wissen ".repeat(40));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void a_taken_slug_gets_the_next_free_number() {
        assertThat(Slugs.firstFree("univercity", Set.of())).isEqualTo("univercity");
        assertThat(Slugs.firstFree("univercity", Set.of("univercity"))).isEqualTo("univercity-2");
        assertThat(Slugs.firstFree("univercity", Set.of("univercity", "univercity-2"))).isEqualTo("univercity-3");
    }

    @Test
    void a_numbered_slug_still_fits_the_maximum_length() {
        String longest = "a".repeat(Slugs.MAX_LENGTH);
        String next = Slugs.firstFree(longest, Set.of(longest));
        assertThat(next).hasSize(Slugs.MAX_LENGTH).endsWith("-2");
    }

    @Test
    void only_lower_case_words_joined_by_single_hyphens_are_valid() {
        assertThat(Slugs.isValid("start-up-city")).isTrue();
        assertThat(Slugs.isValid("Start-Up")).isFalse();
        assertThat(Slugs.isValid("a--b")).isFalse();
        assertThat(Slugs.isValid("-a")).isFalse();
        assertThat(Slugs.isValid("straße")).isFalse();
    }
}
