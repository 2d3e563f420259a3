package de.stadtportal.content.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST …/articles/preview}: Markdown as an editor is writing it, never saved. */
record PreviewRequest(@NotNull @Size(max = 200_000) String body) {
}
