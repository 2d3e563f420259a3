package de.stadtportal.kernel.version;

import de.stadtportal.kernel.refusal.StaleVersion;
import de.stadtportal.kernel.refusal.VersionRequired;
import java.util.List;

/**
 * The versions a change expects, as the entity tags the client read ({@code *} for any). Empty when
 * the client sent none. The application layer checks it against the current tag before it decides,
 * so a change made meanwhile by someone else is refused instead of lost.
 */
public record IfMatch(List<String> tags) {

    public static final IfMatch NONE = new IfMatch(List.of());

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /** The tags of {@code If-Match} header values, each a comma-separated list. */
    public static IfMatch of(List<String> headerValues) {
        return new IfMatch(headerValues.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .toList());
    }

    public boolean sent() {
        return !tags.isEmpty();
    }

    /** Passes when a tag names {@code current}; refuses with 428 when none was sent, 412 when stale. */
    public void require(String current) {
        if (!sent()) {
            throw new VersionRequired("Send If-Match with the ETag you read, so no change is lost");
        }
        if (tags.stream().noneMatch(tag -> tag.equals("*") || EntityTags.strong(tag).equals(current))) {
            throw new StaleVersion("The resource changed since it was read; current ETag is " + current);
        }
    }

    /** For actions that may also be sent blind (publish, cancel, delete): checks only what was sent. */
    public void requireIfSent(String current) {
        if (sent()) {
            require(current);
        }
    }
}
