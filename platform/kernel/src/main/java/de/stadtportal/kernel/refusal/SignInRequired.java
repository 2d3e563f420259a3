package de.stadtportal.kernel.refusal;

import java.util.List;

/** A request that needs a token and came without one (401). */
public final class SignInRequired extends Refusal {

    private static final long serialVersionUID = 1L;

    public SignInRequired(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public SignInRequired(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
