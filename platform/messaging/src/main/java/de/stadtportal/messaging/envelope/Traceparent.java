package de.stadtportal.messaging.envelope;

import java.util.Optional;
import java.util.regex.Pattern;
import reactor.util.context.ContextView;

/**
 * The W3C {@code traceparent} of the request that caused an event. Web layers put it into the
 * Reactor context under {@link #CONTEXT_KEY}; the outbox stores it with the event and the relay
 * sends it as a Kafka header, so a trace continues from the HTTP request into every consumer.
 */
public final class Traceparent {

    public static final String CONTEXT_KEY = "stadtportal.traceparent";
    public static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traceparent() {
    }

    public static Optional<String> from(ContextView context) {
        return context.<String>getOrEmpty(CONTEXT_KEY).filter(Traceparent::isValid);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }
}
