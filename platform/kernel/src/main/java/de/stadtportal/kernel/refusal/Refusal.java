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

    /**
     * The same refusal for one item of a larger input ({@code item}, e.g. {@code events[2]}): the
     * same kind, so the same status, its detail and each field named under the item.
     */
    public Refusal within(String item) {
        String detail = item + ": " + detail();
        List<Violation> moved = violations.stream()
                .map(violation -> new Violation(item + "." + violation.field(), violation.message()))
                .toList();
        if (this instanceof InvalidInput) {
            return new InvalidInput(detail, moved);
        }
        if (this instanceof LimitExceeded) {
            return new LimitExceeded(detail, moved);
        }
        if (this instanceof RuleBroken) {
            return new RuleBroken(detail, moved);
        }
        if (this instanceof NotFound) {
            return new NotFound(detail, moved);
        }
        if (this instanceof NotPermitted) {
            return new NotPermitted(detail, moved);
        }
        if (this instanceof SignInRequired) {
            return new SignInRequired(detail, moved);
        }
        if (this instanceof StaleVersion) {
            return new StaleVersion(detail, moved);
        }
        if (this instanceof VersionRequired) {
            return new VersionRequired(detail, moved);
        }
        return new UnknownReference(detail, moved);
    }
}
