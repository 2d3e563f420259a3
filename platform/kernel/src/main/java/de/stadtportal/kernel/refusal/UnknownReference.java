package de.stadtportal.kernel.refusal;

import java.util.List;

/**
 * Input that refers to something the service does not know, such as a city no portrait announced or
 * a venue that does not exist (422): the request is well formed, what it names is not there.
 */
public final class UnknownReference extends Refusal {

    private static final long serialVersionUID = 1L;

    public UnknownReference(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public UnknownReference(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
