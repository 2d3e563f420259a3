package de.stadtportal.content;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the content service under {@code stadtportal.content}.
 *
 * @param topics the topics an article may belong to; editors cannot invent new ones, since apps
 *     build their navigation from this list
 * @param locales the locales an article may be written in; the first one is the fallback of reads
 * @param publishing how scheduled publishing looks for due articles
 */
@ConfigurationProperties("stadtportal.content")
public record ContentProperties(
        @DefaultValue({"arbeiten", "business", "leben", "kultur", "wissen"}) List<String> topics,
        @DefaultValue({"de", "en"}) List<String> locales,
        @DefaultValue Publishing publishing) {

    public ContentProperties {
        topics = List.copyOf(topics);
        locales = List.copyOf(locales);
    }

    /** The locale every read falls back to. */
    public String fallbackLocale() {
        return locales.get(0);
    }

    /**
     * @param interval how often the scheduler looks for due articles even when nothing woke it;
     *     it also wakes itself at the next known {@code publishAt}
     */
    public record Publishing(@DefaultValue("30s") Duration interval) {
    }
}
