package de.stadtportal.portal.desk.api;

/** Markdown as the platform renders and sanitizes an article's body ({@code POST …/articles/preview}). */
public record Preview(String bodyHtml) {
}
