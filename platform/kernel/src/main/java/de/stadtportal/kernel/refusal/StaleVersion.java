package de.stadtportal.kernel.refusal;

import java.util.List;

/** A change sent against a version that is no longer current (412): someone else changed the resource since the client read it, and nothing is overwritten. */
public final class StaleVersion extends Refusal {

    private static final long serialVersionUID = 1L;

    public StaleVersion(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public StaleVersion(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
