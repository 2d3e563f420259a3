package de.stadtportal.content.article.web;

/** Markdown rendered and sanitized exactly as an article's {@code bodyHtml} is. */
record PreviewView(String bodyHtml) {
}
