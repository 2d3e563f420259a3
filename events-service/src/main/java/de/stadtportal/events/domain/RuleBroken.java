package de.stadtportal.events.domain;

/**
 * A change that the current state does not allow, such as selling out a cancelled event. The
 * input itself is fine, which is why this is a conflict (409) rather than bad input.
 */
public final class RuleBroken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleBroken(String message) {
        super(message, null, false, false);
    }
}
