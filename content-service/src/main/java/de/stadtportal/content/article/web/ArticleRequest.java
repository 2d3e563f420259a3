package de.stadtportal.content.article.web;

import de.stadtportal.content.web.ImageBody;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.content.article.domain.Image;
import de.stadtportal.content.article.domain.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of creating ({@code POST}) and replacing ({@code PUT}) an article. Shape and length are
 * checked here; whether topic and locale are ones the portal offers is checked against the
 * configuration by the article service.
 */
record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 300) String subtitle,
        @NotBlank @Size(max = 40) String topic,
        @Size(max = 10) String locale,
        @Size(max = 2000) String summary,
        @Size(max = 200_000) String body,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Valid ImageBody heroImage,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN,
                message = "must be lower-case letters, digits and single hyphens") String slug,
        OffsetDateTime publishAt) {

    Content content() {
        return new Content(topic.strip(), title.strip(), subtitle, summary, body,
                tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList(),
                heroImage == null ? null : new Image(heroImage.url(), heroImage.alt(), heroImage.mediaId()));
    }
}
