package de.stadtportal.search.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GermanFoldingTest {

    @Test
    void umlauts_become_their_two_letter_forms_and_sharp_s_becomes_ss() {
        assertThat(GermanFolding.fold("Müller")).isEqualTo(GermanFolding.fold("Mueller")).isEqualTo("mueller");
        assertThat(GermanFolding.fold("Straße")).isEqualTo("strasse");
        assertThat(GermanFolding.fold("ÄRGER")).isEqualTo("aerger");
        assertThat(GermanFolding.fold("GROẞ")).isEqualTo("gross");
    }

    @Test
    void other_accents_are_dropped_and_decomposed_umlauts_fold_like_composed_ones() {
        assertThat(GermanFolding.fold("Café Crème")).isEqualTo("cafe creme");
        assertThat(GermanFolding.fold("Mu\u0308ller")).isEqualTo("mueller");
    }

    @Test
    void words_are_split_at_anything_that_is_no_letter_or_digit() {
        assertThat(GermanFolding.words("Anneliese-Brost-Musikforum, Ruhr!")).containsExactly("anneliese", "brost",
                "musikforum", "ruhr");
        assertThat(GermanFolding.words("'; drop table --")).containsExactly("drop", "table");
        assertThat(GermanFolding.key("  Frühstück   bei Müller ")).isEqualTo("fruehstueck bei mueller");
    }

    @Test
    void the_vocabulary_keeps_the_first_spelling_of_each_folded_word() {
        assertThat(GermanFolding.vocabulary("Musikforum und musikforum, Müller"))
                .containsExactly(java.util.Map.entry("musikforum", "Musikforum"), java.util.Map.entry("und", "und"),
                        java.util.Map.entry("mueller", "Müller"));
    }

    @Test
    void typed_without_umlauts_kueche_is_kuche_and_duesseldorf_is_dusseldorf() {
        assertThat(GermanFolding.withoutUmlauts("Küche")).isEqualTo("kuche");
        assertThat(GermanFolding.withoutUmlauts("Düsseldorf")).isEqualTo("dusseldorf");
        assertThat(GermanFolding.withoutUmlauts("BÜRGERBÜRO")).isEqualTo("burgerburo");
        assertThat(GermanFolding.withoutUmlauts("Mu\u0308nchen")).isEqualTo("munchen");
        assertThat(GermanFolding.withoutUmlauts("Straße am Café")).isEqualTo("strasse am cafe");
    }

    @Test
    void words_written_with_umlauts_remember_their_spelling_without_and_others_are_left_out() {
        assertThat(GermanFolding.umlautless("Küche, Kueche und Kuchen in Düsseldorf; Müller-Straße"))
                .containsExactly(java.util.Map.entry("kueche", "kuche"), java.util.Map.entry("duesseldorf", "dusseldorf"),
                        java.util.Map.entry("mueller", "muller"));
        assertThat(GermanFolding.umlautless("Mueller backt Kuchen")).isEmpty();
    }

    @Test
    void the_fold_still_keeps_schon_and_schoen_apart() {
        assertThat(GermanFolding.fold("schön")).isEqualTo("schoen").isNotEqualTo(GermanFolding.fold("schon"));
    }
}
