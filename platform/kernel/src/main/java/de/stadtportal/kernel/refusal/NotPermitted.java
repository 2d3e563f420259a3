package de.stadtportal.kernel.refusal;

import java.util.List;

/** A caller who is known but lacks the right for this change, such as an editor of another city (403). */
public final class NotPermitted extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotPermitted(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public NotPermitted(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
