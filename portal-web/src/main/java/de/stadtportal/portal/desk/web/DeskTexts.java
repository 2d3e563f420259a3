package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The desk's own refusals in the editor's language: a form's {@link Problem}s become the messages
 * under their fields, from the same {@code desk/messages*.properties} the pages are written with.
 */
@Component
class DeskTexts {

    private final MessageSource messages;

    DeskTexts(MessageSource messages) {
        this.messages = messages;
    }

    Refusals refusals(Map<String, Problem> problems, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        problems.forEach((field, problem) -> fields.put(field, say(problem, locale)));
        return new Refusals(fields, List.of());
    }

    String say(Problem problem, Locale locale) {
        return messages.getMessage(problem.key(), problem.arguments().toArray(), problem.key(), locale);
    }

    /** The API's refusal with its field names turned into the form's ({@code address.street} → {@code street}). */
    static Refusal renamed(Refusal refusal, Map<String, String> formNames) {
        List<Refusal.FieldProblem> errors = new ArrayList<>();
        for (Refusal.FieldProblem error : refusal.errors()) {
            String plain = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
            errors.add(new Refusal.FieldProblem(formNames.getOrDefault(plain, error.field()), error.message()));
        }
        return new Refusal(refusal.status(), refusal.title(), refusal.detail(), errors);
    }
}
