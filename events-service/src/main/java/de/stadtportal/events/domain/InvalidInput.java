package de.stadtportal.events.domain;

import java.util.List;

/**
 * Input the domain refuses, with every reason at once, so a client can fix all of them in one go.
 * The web layer turns it into a 400 problem; nothing has been written when it is thrown.
 */
public final class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.size() + " invalid field(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
