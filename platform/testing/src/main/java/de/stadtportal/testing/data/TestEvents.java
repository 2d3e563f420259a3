package de.stadtportal.testing.data;

import de.stadtportal.contracts.ArticlePublished;
import de.stadtportal.contracts.ArticleSnapshot;
import de.stadtportal.contracts.ArticleWithdrawn;
import de.stadtportal.contracts.Image;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contract events for tests that care about ids, versions and titles, not about the rest of the
 * snapshot. Every article gets plausible Bochum content so it passes its JSON Schema.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newArticleId() {
        return UUID.randomUUID().toString();
    }

    public static ArticlePublished articlePublished(String articleId, long version, String title) {
        return articlePublished(articleId, version, title, "bochum");
    }

    public static ArticlePublished articlePublished(String articleId, long version, String title, String city) {
        Instant now = Instant.now();
        return new ArticlePublished(articleId, version, now, new ArticleSnapshot(
                articleId, city, "artikel-" + articleId.substring(0, 8), "de", "leben", title,
                "Unterwegs zwischen Zeche und Campus",
                "Ein Streifzug durch eine Stadt, die sich neu erfunden hat.",
                "Vom **Bergbau-Museum** bis zum Musikforum ist es nur ein kurzer Weg.",
                List.of("stadtleben"), new Image("https://img.stadtportal.test/" + articleId + ".jpg", "Stadtansicht"),
                now, now, List.of()));
    }

    public static ArticleWithdrawn articleWithdrawn(String articleId, long version) {
        return new ArticleWithdrawn(articleId, version, Instant.now(), "bochum", "artikel-" + articleId.substring(0, 8));
    }
}
