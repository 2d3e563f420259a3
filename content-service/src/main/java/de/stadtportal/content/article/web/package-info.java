/**
 * {@code /api/cities/{city}/articles}: turns parameters, cursors, {@code If-Match} and the caller
 * into article commands and queries, and answers with views, pages and entity tags. Markdown is
 * rendered to cleaned HTML here ({@code SafeHtml}), on every read.
 */
package de.stadtportal.content.article.web;
