package de.stadtportal.kernel.refusal;

import java.util.List;

/** Input that is well formed but asks for more than the service does, such as a recurrence with more starts than it expands (422). */
public final class LimitExceeded extends Refusal {

    private static final long serialVersionUID = 1L;

    public LimitExceeded(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public LimitExceeded(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
