package de.stadtportal.kernel.refusal;

import java.util.List;

/** A resource that does not exist, or that the caller may not know of, such as another city's draft (404). */
public final class NotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotFound(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public NotFound(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
