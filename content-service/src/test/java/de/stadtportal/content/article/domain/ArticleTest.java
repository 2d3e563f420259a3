package de.stadtportal.content.article.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.kernel.refusal.RuleBroken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Content CONTENT = new Content("leben", "Großstadt mit Herz", null, "Kurz", "Text", List.of(),
            null);

    private final Article draft = Article.draft(UUID.randomUUID(), "bochum", "grossstadt-mit-herz", "de", CONTENT,
            null, NOW);

    @Test
    void editing_a_draft_announces_nothing() {
        Change change = draft.revise(CONTENT, null, NOW);
        assertThat(change.article().version()).isEqualTo(2);
        assertThat(change.events()).isEmpty();
    }

    @Test
    void publishing_and_every_later_edit_announce_the_article_with_a_higher_version() {
        Article published = draft.publish(NOW).article();
        Change edit = published.revise(CONTENT, null, NOW.plusSeconds(60));

        assertThat(draft.publish(NOW).events()).singleElement().isInstanceOf(ArticleEvent.Published.class);
        assertThat(edit.events()).singleElement().isInstanceOf(ArticleEvent.Published.class);
        assertThat(edit.article().version()).isGreaterThan(published.version());
        assertThat(edit.article().publishedAt()).isEqualTo(NOW);
    }

    @Test
    void unpublishing_withdraws_and_deleting_a_never_published_draft_announces_nothing() {
        Change unpublish = draft.publish(NOW).article().unpublish(NOW);
        assertThat(unpublish.events()).singleElement().isInstanceOf(ArticleEvent.Withdrawn.class);
        assertThat(unpublish.article().isPublished()).isFalse();
        assertThat(unpublish.article().delete(NOW).events()).singleElement().isInstanceOf(ArticleEvent.Withdrawn.class);
        assertThat(draft.delete(NOW).events()).isEmpty();
    }

    @Test
    void a_scheduled_draft_is_due_once_its_time_has_come_and_a_public_article_cannot_be_scheduled() {
        Article scheduled = draft.schedule(NOW.plus(Duration.ofHours(1)), NOW).article();
        assertThat(scheduled.isDue(NOW)).isFalse();
        assertThat(scheduled.isDue(NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(scheduled.publish(NOW).article().publishAt()).isNull();
        Article published = draft.publish(NOW).article();
        assertThatThrownBy(() -> published.schedule(NOW.plusSeconds(5), NOW)).isInstanceOf(RuleBroken.class);
    }

    @Test
    void publishing_a_public_article_again_changes_nothing() {
        Article published = draft.publish(NOW).article();
        assertThat(published.publish(NOW.plusSeconds(1)).changed()).isFalse();
    }
}
