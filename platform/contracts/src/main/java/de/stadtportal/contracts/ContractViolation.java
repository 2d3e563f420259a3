package de.stadtportal.contracts;

import java.util.List;

/**
 * A payload or event that does not honour its contract. Unchecked, because neither a producer nor a consumer
 * can repair it at the call site: the producer has a bug, the consumer sends the record to the dead-letter topic.
 */
public final class ContractViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    public ContractViolation(String message, List<String> violations) {
        this(message, violations, null);
    }

    public ContractViolation(String message, List<String> violations, Throwable cause) {
        super(describe(message, violations), cause);
        this.violations = List.copyOf(violations);
    }

    public ContractViolation(String message) {
        this(message, List.of());
    }

    /** The individual problems, for example one per failed schema keyword; empty if there is only the message. */
    public List<String> violations() {
        return violations;
    }

    private static String describe(String message, List<String> violations) {
        return violations.isEmpty() ? message : message + ": " + String.join("; ", violations);
    }
}
