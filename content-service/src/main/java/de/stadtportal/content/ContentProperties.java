package de.stadtportal.content;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the content service under {@code stadtportal.content}.
 *
 * @param topics the topics an article may belong to; editors cannot invent new ones, since apps
 *     build their navigation from this list
 * @param locales the locales an article may be written in; the first one is the fallback of reads
 * @param publishing how scheduled publishing looks for due articles
 * @param media the limits of the media library
 */
@ConfigurationProperties("stadtportal.content")
public record ContentProperties(
        @DefaultValue({"arbeiten", "business", "leben", "kultur", "wissen"}) List<String> topics,
        @DefaultValue({"de", "en"}) List<String> locales,
        @DefaultValue Publishing publishing,
        @DefaultValue Media media) {

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

    /**
     * @param maxFileSize the largest upload taken; the multipart reader's own limit
     *     ({@code spring.webflux.multipart.max-disk-usage-per-part}) lies a little above it
     * @param maxPixels the most pixels an image may declare; 40 megapixels take the photos of
     *     today's cameras and phones, and refuse the decompression bomb that declares billions
     * @param renderConcurrency how many images are decoded and scaled at once, which bounds the
     *     memory image work can take whatever the number of requests
     */
    public record Media(@DefaultValue("15MB") DataSize maxFileSize, @DefaultValue("40000000") long maxPixels,
            @DefaultValue("2") int renderConcurrency) {
    }
}
