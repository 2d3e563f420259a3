package de.stadtportal.kernel.refusal;

import java.util.List;

/** A change that must name the version it expects and did not send {@code If-Match} (428), so no change is lost. */
public final class VersionRequired extends Refusal {

    private static final long serialVersionUID = 1L;

    public VersionRequired(String detail, Violation... violations) {
        super(detail, List.of(violations));
    }

    public VersionRequired(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
