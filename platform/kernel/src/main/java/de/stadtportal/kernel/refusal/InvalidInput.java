package de.stadtportal.kernel.refusal;

import java.util.List;

/** Input the platform cannot take as sent: missing, malformed or out of range (400). It names every field at fault, so a client can fix all of them in one go. */
public final class InvalidInput extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidInput(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public InvalidInput(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
