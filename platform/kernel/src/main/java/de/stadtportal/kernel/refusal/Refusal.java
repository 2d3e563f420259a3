package de.stadtportal.kernel.refusal;

import java.util.List;

/**
 * A request the platform refuses on purpose, with a sentence for the client and, where fields are
 * at fault, one {@link Violation} per field. Cheap to throw: no stack trace is taken, since a refusal
 * is an answer, not a failure.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidInput, LimitExceeded, RuleBroken, NotFound, NotPermitted, SignInRequired, StaleVersion,
        VersionRequired, UnknownReference {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    Refusal(String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.violations = List.copyOf(violations);
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }
}
