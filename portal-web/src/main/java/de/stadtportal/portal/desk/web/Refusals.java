package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An API refusal laid out for a form: each field error under the form field it concerns (the API's
 * {@code heroImage.alt} is the form's {@code heroAlt}, {@code tags[2]} its {@code tags}), in the
 * editor's language; what concerns no field of the form goes above it.
 *
 * @param fields  form field name to message
 * @param general messages for the top of the form
 */
record Refusals(Map<String, String> fields, List<String> general) {

    private static final Map<String, String> FORM_FIELDS = Map.of("heroImage.url", "heroUrl", "heroImage.alt",
            "heroAlt", "heroImage", "heroUrl", "heroImage.mediaId", "heroMediaId");

    static Refusals none() {
        return new Refusals(Map.of(), List.of());
    }

    static Refusals of(Refusal refusal, List<String> formFields, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Refusal.FieldProblem problem : refusal.errors()) {
            String field = field(problem.field());
            String message = ApiMessages.say(problem.message(), locale);
            if (formFields.contains(field)) {
                fields.merge(field, message, (first, second) -> first + "; " + second);
            } else {
                general.add(problem.field() + ": " + message);
            }
        }
        if (fields.isEmpty() && general.isEmpty() && refusal.detail() != null) {
            general.add(refusal.detail());
        }
        return new Refusals(fields, general);
    }

    private static String field(String api) {
        if (api == null) {
            return "";
        }
        String plain = api.replaceAll("\\[\\d+]$", "");
        return FORM_FIELDS.getOrDefault(plain, plain);
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }
}
