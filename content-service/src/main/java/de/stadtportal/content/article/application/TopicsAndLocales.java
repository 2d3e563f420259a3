package de.stadtportal.content.article.application;

import de.stadtportal.content.ContentProperties;
import de.stadtportal.content.article.domain.Content;
import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;
import org.springframework.stereotype.Component;

/**
 * The topics and locales the portal offers ({@code stadtportal.content.topics} / {@code locales}).
 * Editors cannot invent new ones, since apps build their navigation and language switch from these
 * lists; a value outside them is refused naming the field (a query parameter or a body field).
 */
@Component
class TopicsAndLocales {

    private final ContentProperties settings;

    TopicsAndLocales(ContentProperties settings) {
        this.settings = settings;
    }

    /** The locale every read falls back to. */
    String fallback() {
        return settings.fallbackLocale();
    }

    /** The {@code locale} query parameter: the fallback when absent. */
    String locale(String requested) {
        if (requested == null || requested.isBlank()) {
            return fallback();
        }
        if (!settings.locales().contains(requested)) {
            throw invalidParameter("locale", "must be one of " + settings.locales());
        }
        return requested;
    }

    /** The {@code locale} query parameter where absent means every locale (null). */
    String localeOrAll(String requested) {
        return requested == null || requested.isBlank() ? null : locale(requested);
    }

    /** The {@code topic} query parameter, when given. */
    void requireTopicParameter(String topic) {
        if (topic != null && !settings.topics().contains(topic)) {
            throw invalidParameter("topic", "must be one of " + settings.topics());
        }
    }

    /** The {@code locale} of a body: the fallback when left out. */
    String bodyLocale(String value) {
        if (value == null) {
            return fallback();
        }
        if (!settings.locales().contains(value)) {
            throw new InvalidInput("Unknown locale", new Violation("locale", "must be one of " + settings.locales()));
        }
        return value;
    }

    /** The content of a body, if its topic is one the portal offers. */
    Content offered(Content content) {
        if (!settings.topics().contains(content.topic())) {
            throw new InvalidInput("Unknown topic", new Violation("topic", "must be one of " + settings.topics()));
        }
        return content;
    }

    private static InvalidInput invalidParameter(String parameter, String message) {
        return new InvalidInput("Invalid query parameter '" + parameter + "'", new Violation(parameter, message));
    }
}
