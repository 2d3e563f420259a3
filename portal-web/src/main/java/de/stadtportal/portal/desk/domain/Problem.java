package de.stadtportal.portal.desk.domain;

import java.util.List;

/**
 * Why the desk itself refuses an answer of a form: a message key of the desk's texts and the values
 * it names, so that the page says it in the editor's language (German or English) while the rule
 * stays here, in one language-free place.
 *
 * @param key       a key of {@code desk/messages*.properties}, e.g. {@code desk.recurrence.noDay}
 * @param arguments the values the message names, in order
 */
public record Problem(String key, List<Object> arguments) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    public static Problem of(String key, Object... arguments) {
        return new Problem(key, List.of(arguments));
    }
}
