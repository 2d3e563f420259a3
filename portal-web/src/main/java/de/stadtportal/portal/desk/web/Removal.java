package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import java.util.List;
import java.util.Locale;

/**
 * A deletion the API did not carry out, as the page that offered it shows it: why, in the editor's
 * language (in use, or changed since the page was read), and what the API named as still using it.
 *
 * @param message the reason, said in the editor's language
 * @param users   what still refers to the item, as the API names it (an article, a highlight …)
 */
record Removal(String message, List<String> users) {

    /** The form that asks for a deletion: the ETag of the page the editor decided on. */
    record Request(String etag) {
    }

    static Removal refused(Refusal refusal, String inUse, DeskTexts texts, Locale language) {
        String key = refusal.stale() ? "desk.removal.stale" : refusal.status() == 409 ? inUse : "desk.removal.failed";
        List<String> users = refusal.errors().stream().filter(error -> "usedBy".equals(error.field()))
                .map(Refusal.FieldProblem::message).toList();
        return new Removal(texts.say(Problem.of(key), language), users);
    }
}
