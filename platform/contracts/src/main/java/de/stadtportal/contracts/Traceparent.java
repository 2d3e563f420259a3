package de.stadtportal.contracts;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} that travels with a change: in on the HTTP request, through the
 * outbox, out as a Kafka header, into every consumer. Web layers put it into the Reactor context
 * under {@link #CONTEXT_KEY}; the outbox reads it from there.
 */
public final class Traceparent {

    public static final String HEADER = "traceparent";
    public static final String CONTEXT_KEY = "stadtportal.traceparent";

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches() && !value.startsWith("ff")
                && !value.substring(3, 35).equals("0".repeat(32)) && !value.substring(36, 52).equals("0".repeat(16));
    }

    /** A new sampled trace for a request that came without one. */
    public static String generate() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
