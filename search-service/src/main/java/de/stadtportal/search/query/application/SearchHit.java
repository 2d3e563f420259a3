package de.stadtportal.search.query.application;

import de.stadtportal.search.query.domain.FoundDocument;

/** A document on the page of a search, with the snippet cut for it ({@code <mark>} around matching words). */
public record SearchHit(FoundDocument document, String snippet) {
}
