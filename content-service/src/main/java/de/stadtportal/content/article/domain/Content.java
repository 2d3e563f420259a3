package de.stadtportal.content.article.domain;

import java.util.List;
import java.util.Objects;

/** What an editor writes; the body is Markdown and is kept exactly as written. */
public record Content(String topic, String title, String subtitle, String summary, String body, List<String> tags,
        Image heroImage) {

    public Content {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
