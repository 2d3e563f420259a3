package de.stadtportal.content.media.domain;

/** What others must learn about a media item; the application layer turns these into contract events. */
public sealed interface MediaEvent {

    Media media();

    /** The item is in the library in this state: uploaded or described anew. */
    record Described(Media media) implements MediaEvent {
    }

    /** The item was deleted from the library. */
    record Removed(Media media) implements MediaEvent {
    }
}
