package de.stadtportal.content.article.domain;

import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.version.EntityTags;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One article in one locale. Translations are articles of their own that share city and slug, so
 * each locale is published, versioned and withdrawn on its own.
 * <p>
 * Every saved change raises {@link #version()} by one; it is the version of the events too, so
 * consumers can tell a newer state from a replayed one. {@code announced} remembers whether the
 * article was ever public, because only then does deleting it concern anyone else.
 */
public record Article(UUID id, String city, String slug, String locale, Content content, Status status,
        Instant publishAt, Instant publishedAt, boolean announced, long version, Instant createdAt,
        Instant updatedAt) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** A new draft; with {@code publishAt} it is published by the scheduler once that time has come. */
    public static Article draft(UUID id, String city, String slug, String locale, Content content, Instant publishAt,
            Instant now) {
        return new Article(id, city, slug, locale, content, Status.DRAFT, publishAt, null, false, 1, now, now);
    }

    /** The entity tag of this state: each locale has its own id and version, and the tag names the locale served. */
    public String entityTag() {
        return EntityTags.of(id, version, locale);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** Whether the scheduler should publish it at {@code now}. */
    public boolean isDue(Instant now) {
        return status == Status.DRAFT && publishAt != null && !publishAt.isAfter(now);
    }

    /**
     * New content. A public article stays public and announces its new state; the schedule of a
     * draft follows {@code publishAt}, which a public article does not need.
     */
    public Change revise(Content next, Instant nextPublishAt, Instant now) {
        Article revised = new Article(id, city, slug, locale, next, status,
                isPublished() ? null : nextPublishAt, publishedAt, announced, version + 1, createdAt, now);
        return new Change(revised, "updated",
                isPublished() ? List.of(new ArticleEvent.Published(revised)) : List.of(), true);
    }

    /** Makes the article public now; publishing a public article changes nothing. */
    public Change publish(Instant now) {
        if (isPublished()) {
            return Change.none(this);
        }
        Article published = new Article(id, city, slug, locale, content, Status.PUBLISHED, null, now, true,
                version + 1, createdAt, now);
        return new Change(published, "published", List.of(new ArticleEvent.Published(published)), true);
    }

    /** Lets the scheduler publish the draft at {@code at}. */
    public Change schedule(Instant at, Instant now) {
        if (isPublished()) {
            throw new RuleBroken("The article is already published; unpublish it before scheduling it");
        }
        if (at.equals(publishAt)) {
            return Change.none(this);
        }
        return new Change(new Article(id, city, slug, locale, content, status, at, publishedAt, announced,
                version + 1, createdAt, now), "scheduled", List.of(), true);
    }

    /** Takes a public article back to draft, or cancels the schedule of a draft. */
    public Change unpublish(Instant now) {
        if (!isPublished() && publishAt == null) {
            return Change.none(this);
        }
        Article draft = new Article(id, city, slug, locale, content, Status.DRAFT, null, null, announced,
                version + 1, createdAt, now);
        return isPublished()
                ? new Change(draft, "unpublished", List.of(new ArticleEvent.Withdrawn(draft)), true)
                : new Change(draft, "unscheduled", List.of(), true);
    }

    /** Deleting an article that was ever public tells the others to forget it. */
    public Change delete(Instant now) {
        Article gone = new Article(id, city, slug, locale, content, Status.DRAFT, null, null, announced,
                version + 1, createdAt, now);
        return new Change(gone, "deleted", announced ? List.of(new ArticleEvent.Withdrawn(gone)) : List.of(), true);
    }
}
