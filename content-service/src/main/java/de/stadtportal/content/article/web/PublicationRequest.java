package de.stadtportal.content.article.web;

import java.time.OffsetDateTime;

/** The optional body of {@code POST …/publication}: without {@code publishAt}, or with a past one, it publishes now. */
record PublicationRequest(OffsetDateTime publishAt) {
}
