package de.stadtportal.kernel.refusal;

import java.util.List;

/** A change the current state does not allow, such as selling out a cancelled event or taking a slug another article has (409). The input itself is fine, which is why this is a conflict rather than bad input. */
public final class RuleBroken extends Refusal {

    private static final long serialVersionUID = 1L;

    public RuleBroken(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public RuleBroken(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
