package de.stadtportal.content.highlight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarouselTest {

    private static final Instant NOW = Instant.parse("2027-06-15T10:00:00Z");
    private static final Highlight FESTIVAL = new Highlight("Sommerfest",
            new Highlight.Link(Highlight.Kind.URL, "https://example.org/fest"), "https://example.org/fest.jpg",
            "Lichter im Park", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
    private static final Highlight DRAFT = new Highlight("Neu im Revier",
            new Highlight.Link(Highlight.Kind.ARTICLE, "neu-im-revier"), "https://example.org/neu.jpg", "Ein Förderturm",
            null, null);

    @Test
    void visitors_see_valid_teasers_with_their_stored_position_but_not_a_link_to_a_draft() {
        Carousel carousel = new Carousel("bochum", 3, List.of(DRAFT, FESTIVAL), Map.of("neu-im-revier", false));

        Carousel.Shown shown = carousel.at(NOW, false);

        assertThat(shown.teasers()).extracting(Carousel.Teaser::position).containsExactly(2);
        assertThat(shown.teasers().get(0).warnings()).isEmpty();
    }

    @Test
    void editors_also_see_the_teaser_of_a_draft_with_a_warning_and_under_a_tag_of_their_own() {
        Carousel carousel = new Carousel("bochum", 3, List.of(DRAFT, FESTIVAL), Map.of("neu-im-revier", false));

        Carousel.Shown editors = carousel.at(NOW, true);

        assertThat(editors.teasers()).extracting(Carousel.Teaser::position).containsExactly(1, 2);
        assertThat(editors.teasers().get(0).linksDraft()).isTrue();
        assertThat(editors.teasers().get(0).warnings()).singleElement().asString().contains("draft");
        assertThat(editors.entityTag()).isNotEqualTo(carousel.at(NOW, false).entityTag());
    }

    @Test
    void the_stored_carousel_holds_expired_and_future_teasers_under_a_tag_the_clock_does_not_change() {
        Carousel carousel = new Carousel("bochum", 3, List.of(DRAFT, FESTIVAL), Map.of("neu-im-revier", false));

        Carousel.Shown stored = carousel.stored();

        assertThat(carousel.at(NOW.plus(Duration.ofDays(2)), true).teasers()).hasSize(1);
        assertThat(stored.teasers()).extracting(Carousel.Teaser::position).containsExactly(1, 2);
        assertThat(stored.teasers().get(0).linksDraft()).isTrue();
        assertThat(stored.entityTag()).isNotEqualTo(carousel.entityTag(NOW, true))
                .isNotEqualTo(new Carousel("bochum", 4, List.of(DRAFT, FESTIVAL), Map.of("neu-im-revier", false))
                        .stored().entityTag());
    }

    @Test
    void an_expired_teaser_disappears_and_changes_the_tag() {
        Carousel carousel = new Carousel("bochum", 3, List.of(FESTIVAL), Map.of());
        Instant afterTheFestival = NOW.plus(Duration.ofDays(2));

        assertThat(carousel.at(afterTheFestival, false).teasers()).isEmpty();
        assertThat(carousel.entityTag(afterTheFestival, false)).isNotEqualTo(carousel.entityTag(NOW, false));
    }

    @Test
    void a_teaser_of_a_deleted_article_is_hidden_without_claiming_a_draft() {
        Carousel carousel = new Carousel("bochum", 3, List.of(DRAFT), Map.of());

        Carousel.Teaser teaser = carousel.at(NOW, true).teasers().get(0);

        assertThat(teaser.linksDraft()).isFalse();
        assertThat(teaser.warnings()).singleElement().asString().contains("no longer exists");
    }

    @Test
    void a_link_takes_only_the_target_its_kind_names() {
        assertThat(Highlight.Link.fits(Highlight.Kind.ARTICLE, "zeche-zollern")).isTrue();
        assertThat(Highlight.Link.fits(Highlight.Kind.EVENT, "kein-uuid")).isFalse();
        assertThat(Highlight.Link.fits(Highlight.Kind.URL, "javascript:alert(1)")).isFalse();
        assertThat(Highlight.Link.fits(Highlight.Kind.URL, "https://example.org")).isTrue();
    }
}
