package de.stadtportal.search.document.domain;

/**
 * What one contract event does to the index: put a document in, or take one out. Both carry the
 * aggregate's version, so the store can ignore anything older than what it already holds.
 */
public sealed interface IndexChange permits IndexChange.Upsert, IndexChange.Removal {

    DocumentType type();

    String id();

    long version();

    String city();

    record Upsert(SearchDocument document) implements IndexChange {

        @Override
        public DocumentType type() {
            return document.type();
        }

        @Override
        public String id() {
            return document.id();
        }

        @Override
        public long version() {
            return document.version();
        }

        @Override
        public String city() {
            return document.city();
        }
    }

    /** A withdrawn or removed aggregate; kept as a tombstone with its version, never shown. */
    record Removal(DocumentType type, String id, long version, String city) implements IndexChange {
    }
}
