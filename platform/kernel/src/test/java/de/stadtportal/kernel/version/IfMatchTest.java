package de.stadtportal.kernel.version;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.VersionRequired;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    private static final String CURRENT = EntityTags.of("article", "7f3", 3, "de");

    @Test
    void a_change_naming_the_current_tag_passes_weak_or_strong_alone_or_in_a_list() {
        assertThatCode(() -> IfMatch.of(List.of(CURRENT)).require(CURRENT)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.of(List.of("W/" + CURRENT)).require(CURRENT)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.of(List.of("\"old\", " + CURRENT)).require(CURRENT)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.of(List.of("*")).require(CURRENT)).doesNotThrowAnyException();
    }

    @Test
    void a_change_naming_an_older_version_is_refused_as_stale() {
        assertThatThrownBy(() -> IfMatch.of(List.of(EntityTags.of("article", "7f3", 2, "de"))).require(CURRENT))
                .isInstanceOf(StaleVersion.class)
                .hasMessageContaining(CURRENT);
    }

    @Test
    void a_change_without_if_match_is_refused_when_required_and_passes_when_it_may_be_blind() {
        assertThatThrownBy(() -> IfMatch.NONE.require(CURRENT)).isInstanceOf(VersionRequired.class);
        assertThatThrownBy(() -> IfMatch.of(List.of(" , ")).require(CURRENT)).isInstanceOf(VersionRequired.class);
        assertThatCode(() -> IfMatch.NONE.requireIfSent(CURRENT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IfMatch.of(List.of("\"old\"")).requireIfSent(CURRENT))
                .isInstanceOf(StaleVersion.class);
    }

    @Test
    void tags_keep_only_characters_that_need_no_escaping() {
        org.assertj.core.api.Assertions.assertThat(EntityTags.of("venue", "a b\"c", 1)).isEqualTo("\"venue-a_b_c-1\"");
    }
}
