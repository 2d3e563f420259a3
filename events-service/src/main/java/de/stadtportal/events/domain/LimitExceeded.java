package de.stadtportal.events.domain;

import java.util.List;

/**
 * Input that is well formed but asks for more than the service will do, such as a recurrence with
 * more starts than the service expands. The web layer turns it into a 422 problem with a field
 * error per violation; nothing has been written when it is thrown.
 */
public final class LimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public LimitExceeded(List<Violation> violations) {
        super(violations.size() + " field(s) over a limit", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
